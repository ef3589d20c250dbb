/// A learner's claim of a session's badges with a code: written durably before it is acknowledged.
public struct Claim: Sendable, Equatable {
    /// Random, opaque, safe to show the learner.
    public var id: String
    public var codeID: Int64
    public var sessionID: Int64
    public var name: String
    /// Lower-cased: issuers compare emails case-sensitively, so one learner is one address.
    public var email: String
    /// The badges this claim awards: the session's, then any programme completion it earned.
    public var badgeIDs: [String]
    public var createdAt: Timestamp
    /// While the claim waits for an email: the code (`ShortCode.laterLength`) that adds one.
    public var laterCode: String?

    public init(id: String, codeID: Int64, sessionID: Int64, name: String, email: String,
                badgeIDs: [String], createdAt: Timestamp, laterCode: String? = nil) {
        self.id = id
        self.codeID = codeID
        self.sessionID = sessionID
        self.name = name
        self.email = email
        self.badgeIDs = badgeIDs
        self.createdAt = createdAt
        self.laterCode = laterCode
    }

    /// True while the claim has no email: its awards wait.
    public var isWaiting: Bool { laterCode != nil }
}
