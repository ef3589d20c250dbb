import KioskCore

/// A checked claim on its way to the writer: which code, who, the id to give it if it is new, and when.
public struct ClaimSubmission: Sendable, Equatable {
    public var codeID: Int64
    public var claimant: Claimant
    /// Made by the caller (`RandomToken.claimID`), so the hot path draws no randomness under the write lock.
    public var newClaimID: String
    public var at: Timestamp
    /// False when the sender may make no more new claims with this code: a repeat is still answered.
    public var mayCreate: Bool
    /// For a learner with no email yet, the code (`ShortCode.laterLength`, made by the caller) that
    /// will add one; the claim's awards wait until then.
    public var laterCode: String?

    public init(codeID: Int64, claimant: Claimant, newClaimID: String, at: Timestamp, mayCreate: Bool = true,
                laterCode: String? = nil) {
        self.codeID = codeID
        self.claimant = claimant
        self.newClaimID = newClaimID
        self.at = at
        self.mayCreate = mayCreate
        self.laterCode = laterCode
    }
}
