import KioskAPI

/// One report row's figures as counted by hand from the course, rates included.
public struct HandCount: Sendable, Equatable {
    public var label: String
    public var expected: Int
    public var claimed: Int
    public var claimRate: Double?
    public var sent: Int
    public var failed: Int
    public var waiting = 0
    public var lapsed = 0
    public var onTheWay = 0
    /// Nil: not known, the issuer has said nothing about these claims.
    public var accepted: Int?
    public var acceptanceRate: Double?

    public init(_ label: String, expected: Int, claimed: Int, claimRate: Double?, sent: Int, failed: Int, accepted: Int?,
                acceptanceRate: Double?) {
        self.label = label
        self.expected = expected
        self.claimed = claimed
        self.claimRate = claimRate
        self.sent = sent
        self.failed = failed
        self.accepted = accepted
        self.acceptanceRate = acceptanceRate
    }

    /// Day by day: 50 expected each; learner 13 missed day 3; learner 7's day-2 award was refused; the
    /// issuer answered for all 50 day-1 claims, 20 of them accepted, and said nothing about days 2-4.
    public static let sessions = [
        HandCount("Intro to Work - Day 1", expected: 50, claimed: 50, claimRate: 1, sent: 50, failed: 0, accepted: 20, acceptanceRate: 0.4),
        HandCount("Intro to Work - Day 2", expected: 50, claimed: 50, claimRate: 1, sent: 49, failed: 1, accepted: nil, acceptanceRate: nil),
        HandCount("Intro to Work - Day 3", expected: 50, claimed: 49, claimRate: 0.98, sent: 49, failed: 0, accepted: nil,
                  acceptanceRate: nil),
        HandCount("Intro to Work - Day 4", expected: 50, claimed: 50, claimRate: 1, sent: 50, failed: 0, accepted: nil, acceptanceRate: nil),
    ]

    /// The four days together: the programme's one row, and every report's total.
    public static let all = HandCount("Intro to Work", expected: 200, claimed: 199, claimRate: 0.995, sent: 198, failed: 1,
                                      accepted: 20, acceptanceRate: 0.4)

    /// By month in UTC: day 1 in November 2026, days 2-4 in December.
    public static let monthsInUTC = [
        HandCount("November 2026", expected: 50, claimed: 50, claimRate: 1, sent: 50, failed: 0, accepted: 20, acceptanceRate: 0.4),
        HandCount("December 2026", expected: 150, claimed: 149, claimRate: 149.0 / 150, sent: 148, failed: 1, accepted: nil,
                  acceptanceRate: nil),
    ]
}

extension HandCount {
    /// The row the API and `report --format json` should give for these figures.
    public func row(key: String, label: String? = nil) -> ReportReply.Row {
        ReportReply.Row(key: key, label: label ?? self.label, expected: expected, claimed: claimed, claimRate: claimRate, sent: sent,
                        failed: failed, waiting: waiting, lapsed: lapsed, onTheWay: onTheWay, accepted: accepted,
                        acceptanceRate: acceptanceRate)
    }
}
