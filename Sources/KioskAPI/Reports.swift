/// `GET /api/v1/reports`: whole claims (one learner each) counted per session, programme or month,
/// with claim and acceptance rates; `badgekiosk report --format json` prints the same.
///
/// Unlike the other replies, a figure that is not known is written as `null`, not left out: a
/// report's columns are the same on every row, and a spreadsheet or script reading it should see
/// "not known" said, never a zero guessed.
public struct ReportReply: Codable, Sendable, Equatable {
    /// One line of the report, or its total.
    public struct Row: Codable, Sendable, Equatable {
        /// The session's or programme's id, the month as `2026-12`, or `total`.
        public var key: String
        /// The session's title, the programme's name, the month in words, or `Total`.
        public var label: String
        /// Learners the sessions expected.
        public var expected: Int
        public var claimed: Int
        /// Claimed of expected (0.98); null when none were expected.
        public var claimRate: Double?
        /// Claims with every award at the issuer.
        public var sent: Int
        /// Claims with an award the issuer refused.
        public var failed: Int
        /// Claims kept for a learner with no email yet.
        public var waiting: Int
        /// Claims never sent: no email came before the retention purge.
        public var lapsed: Int
        /// Claims queued, being sent, or waiting for staff to check the issuer.
        public var onTheWay: Int
        /// Sent claims the learner accepted; null while the issuer has said nothing about any of them.
        public var accepted: Int?
        /// Accepted of the sent claims the issuer has told about; null when it has told about none.
        public var acceptanceRate: Double?

        public init(key: String, label: String, expected: Int, claimed: Int, claimRate: Double?, sent: Int, failed: Int,
                    waiting: Int, lapsed: Int, onTheWay: Int, accepted: Int?, acceptanceRate: Double?) {
            self.key = key
            self.label = label
            self.expected = expected
            self.claimed = claimed
            self.claimRate = claimRate
            self.sent = sent
            self.failed = failed
            self.waiting = waiting
            self.lapsed = lapsed
            self.onTheWay = onTheWay
            self.accepted = accepted
            self.acceptanceRate = acceptanceRate
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case key, label, expected, claimed, claimRate, sent, failed, waiting, lapsed, onTheWay, accepted, acceptanceRate
        }

        /// The fields' names in the order they are written: a CSV header means the same as the JSON.
        public static let fieldNames = CodingKeys.allCases.map(\.rawValue)

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(label, forKey: .label)
            try container.encode(expected, forKey: .expected)
            try container.encode(claimed, forKey: .claimed)
            // `encode` of an optional writes null; the synthesized coding would leave the key out.
            try container.encode(claimRate, forKey: .claimRate)
            try container.encode(sent, forKey: .sent)
            try container.encode(failed, forKey: .failed)
            try container.encode(waiting, forKey: .waiting)
            try container.encode(lapsed, forKey: .lapsed)
            try container.encode(onTheWay, forKey: .onTheWay)
            try container.encode(accepted, forKey: .accepted)
            try container.encode(acceptanceRate, forKey: .acceptanceRate)
        }
    }

    /// `session`, `programme` or `month`.
    public var by: String
    /// The first day counted, `YYYY-MM-DD` in the kiosk's time zone; null from the first session on.
    public var from: String?
    /// The last day counted (included); null up to now.
    public var to: String?
    /// Sessions oldest first, programmes in the order they were set up, months in order.
    public var rows: [Row]
    /// Every session in the period once: a session in two programmes counts once here.
    public var total: Row

    public init(by: String, from: String?, to: String?, rows: [Row], total: Row) {
        self.by = by
        self.from = from
        self.to = to
        self.rows = rows
        self.total = total
    }

    private enum CodingKeys: String, CodingKey {
        case by, from, to, rows, total
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(by, forKey: .by)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(rows, forKey: .rows)
        try container.encode(total, forKey: .total)
    }
}
