/// One session's figures, counted from its claims: what every report is made from.
public struct SessionFigures: Sendable, Equatable {
    public var sessionID: Int64
    public var title: String
    public var createdAt: Timestamp
    public var badgeIDs: [String]
    public var expected: Int
    public var tally: ClaimTally

    public init(sessionID: Int64, title: String, createdAt: Timestamp, badgeIDs: [String], expected: Int, tally: ClaimTally) {
        self.sessionID = sessionID
        self.title = title
        self.createdAt = createdAt
        self.badgeIDs = badgeIDs
        self.expected = expected
        self.tally = tally
    }
}
