import Foundation
import KioskAPI
import KioskCore
import KioskStore

/// Reports made from the store, one way for `GET /api/v1/reports` and `badgekiosk report` alike, so
/// the API, the command and its three formats can never tell two stories.
extension ReportReply {
    /// The report of `period` grouped `by`, read from `store` (docs/ARCHITECTURE.md §4.9). The total
    /// is of the sessions, whatever the grouping: a session awarding badges of two programmes is
    /// counted once in it, and a session in no programme still counts.
    public static func read(from store: KioskStore, by grouping: ReportGrouping, period: ReportPeriod = .always,
                            calendar: Calendar = ReportPeriod.kioskCalendar) throws(StoreError) -> ReportReply {
        let figures = try store.sessionFigures(from: period.start, to: period.end)
        let programmes = grouping == .programme ? try store.programmes() : []
        let rows = Report.rows(figures, by: grouping, programmes: programmes, calendar: calendar)
        let total = Report.total(Report.rows(figures, by: .session))
        return ReportReply(by: grouping.rawValue, from: period.from, to: period.to, rows: rows.map(Row.init), total: Row(total))
    }
}

extension ReportReply.Row {
    /// The row as the API writes it: rates worked out, and nil where a figure is not known.
    public init(_ row: ReportRow) {
        let tally = row.tally
        self.init(key: row.key, label: row.label, expected: row.expected, claimed: tally.claimed, claimRate: row.claimRate,
                  sent: tally.sent, failed: tally.failed, waiting: tally.waiting, lapsed: tally.lapsed, onTheWay: tally.onTheWay,
                  accepted: row.accepted, acceptanceRate: row.acceptanceRate)
    }
}
