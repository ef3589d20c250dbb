/// A course session (e.g. "Intro to Work — Day 2") whose learners earn one or more badges.
public struct Session: Sendable, Equatable {
    public var id: Int64
    public var title: String
    /// The issuer badge ids every learner of this session earns.
    public var badgeIDs: [String]
    /// How many learners the volunteer expects; sets the claim limit of the session's code.
    public var expected: Int
    public var createdAt: Timestamp
    /// Set when the volunteer ends the session and its claim code is made.
    public var endedAt: Timestamp?

    public init(id: Int64, title: String, badgeIDs: [String], expected: Int, createdAt: Timestamp, endedAt: Timestamp? = nil) {
        self.id = id
        self.title = title
        self.badgeIDs = badgeIDs
        self.expected = expected
        self.createdAt = createdAt
        self.endedAt = endedAt
    }
}
