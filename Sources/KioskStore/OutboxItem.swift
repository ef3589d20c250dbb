import KioskCore

/// An award taken from the outbox for sending: everything an issuer needs, and whether to look first.
public struct OutboxItem: Sendable, Equatable {
    /// The award's row id.
    public var id: Int64
    public var claimID: String
    /// The issuer's badge id.
    public var badgeID: String
    public var name: String
    /// Lower-cased, as the claim rules store it.
    public var email: String
    /// When the learner claimed: the badge's issue date.
    public var claimedAt: Timestamp
    /// Attempts so far, this one included.
    public var attempts: Int
    /// An earlier attempt ended ambiguously: ask the issuer whether it has the award before sending.
    public var verify: Bool

    public init(id: Int64, claimID: String, badgeID: String, name: String, email: String,
                claimedAt: Timestamp, attempts: Int, verify: Bool) {
        self.id = id
        self.claimID = claimID
        self.badgeID = badgeID
        self.name = name
        self.email = email
        self.claimedAt = claimedAt
        self.attempts = attempts
        self.verify = verify
    }
}
