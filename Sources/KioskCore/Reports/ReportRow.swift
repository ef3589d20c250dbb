/// One line of a report: a session, a programme or a month, and its figures.
public struct ReportRow: Sendable, Equatable {
    /// The session's or programme's id, or the month as `2026-12`.
    public var key: String
    /// The session's title, the programme's name, or the month in words.
    public var label: String
    public var expected: Int
    public var tally: ClaimTally

    public init(key: String, label: String, expected: Int, tally: ClaimTally) {
        self.key = key
        self.label = label
        self.expected = expected
        self.tally = tally
    }

    /// Claimed of those expected; nil when none were expected.
    public var claimRate: Double? {
        expected > 0 ? Double(tally.claimed) / Double(expected) : nil
    }

    /// Accepted claims, or nil ("not known") while the issuer has said nothing about any of them.
    public var accepted: Int? {
        tally.acceptanceKnown > 0 ? tally.accepted : nil
    }

    /// Accepted of the sent claims the issuer has told about; nil when it has told about none.
    public var acceptanceRate: Double? {
        tally.acceptanceKnown > 0 ? Double(tally.accepted) / Double(tally.acceptanceKnown) : nil
    }
}
