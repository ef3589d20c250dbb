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

    public init(id: String, codeID: Int64, sessionID: Int64, name: String, email: String,
                badgeIDs: [String], createdAt: Timestamp) {
        self.id = id
        self.codeID = codeID
        self.sessionID = sessionID
        self.name = name
        self.email = email
        self.badgeIDs = badgeIDs
        self.createdAt = createdAt
    }
}
