import KioskAPI
import KioskCore

/// The report as a table for the terminal: aligned columns, a Total line.
extension ReportCommand {
    /// The columns after the label: heading and what each row shows under it.
    private static let columns: [(heading: String, value: @Sendable (ReportReply.Row) -> String)] = [
        ("Expected", { "\($0.expected)" }),
        ("Claimed", { "\($0.claimed)" }),
        ("Claim rate", { percent($0.claimRate) }),
        ("Sent", { "\($0.sent)" }),
        ("Refused", { "\($0.failed)" }),
        ("No email", { "\($0.waiting)" }),
        ("Lapsed", { "\($0.lapsed)" }),
        ("On the way", { "\($0.onTheWay)" }),
        ("Accepted", { $0.accepted.map(String.init) ?? notKnown }),
        ("Acceptance", { percent($0.acceptanceRate) }),
    ]

    static let notKnown = "not known"

    /// The lines `report --format table` prints: a title, the headings, a row each, a rule and the total.
    static func table(_ reply: ReportReply) -> [String] {
        let heading = switch reply.by {
        case "programme": "Programme"
        case "month": "Month"
        default: "Session"
        }
        let cells = ([heading] + columns.map(\.heading)) as [String]
        let rows = (reply.rows + [reply.total]).map { row in [row.label] + columns.map { $0.value(row) } }
        let aligned = TextTable.lines([cells] + rows)
        var lines = [title(reply), "", aligned[0]]
        lines += aligned.dropFirst().dropLast()
        lines.append(TextTable.rule([cells] + rows))
        lines.append(aligned[aligned.count - 1])
        if reply.total.accepted == nil || reply.rows.contains(where: { $0.accepted == nil }) {
            lines += ["", "Acceptance is \(notKnown) until the issuer says whether learners accepted their badges (Badgr never says)."]
        }
        return lines
    }

    /// `Claims by session, 2026-12-01 to 2026-12-31.`
    static func title(_ reply: ReportReply) -> String {
        let days = switch (reply.from, reply.to) {
        case (let from?, let to?): "\(from) to \(to)"
        case (let from?, nil): "from \(from) on"
        case (nil, let to?): "up to \(to)"
        case (nil, nil): "every day"
        }
        return "Claims by \(reply.by), \(days)."
    }

    /// `98%` for 0.98: a whole percentage rounded down, so 100% means every one; "not known" for nil.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return notKnown }
        return "\(Report.wholePercent(rate))%"
    }
}
