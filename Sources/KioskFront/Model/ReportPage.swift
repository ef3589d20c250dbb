/// The volunteer's Reports page: one view of `GET /api/v1/reports`, a page of its rows at a time.
struct ReportPage: Equatable, Sendable {
    /// What each row counts. A volunteer asks first about this month's sessions, so that comes first;
    /// Left / Right moves to programmes and to every month. The names are their text keys' last part.
    enum View: String, CaseIterable, Equatable, Sendable {
        case sessionsThisMonth, programmes, months
    }

    /// Rows on one page: few enough for 80×25 with room to read, the same at every size so paging is pure.
    static let rowsPerPage = 8

    var view: View = .sessionsThisMonth
    /// Nil while it loads.
    var report: ReportFigures?
    /// The page shown, from 0.
    var page = 0

    /// Pages the rows fill (one for none).
    var pageCount: Int {
        max(1, ((report?.rows.count ?? 0) + Self.rowsPerPage - 1) / Self.rowsPerPage)
    }

    /// The rows on the page shown.
    var shownRows: ArraySlice<ReportLine> {
        let rows = report?.rows ?? []
        let first = min(page * Self.rowsPerPage, rows.count)
        return rows[first..<min(first + Self.rowsPerPage, rows.count)]
    }
}

/// A report as the front shows it: its rows and their total.
struct ReportFigures: Equatable, Sendable {
    var rows: [ReportLine]
    var total: ReportLine
}

/// One line of a report: what a volunteer reads at a glance.
struct ReportLine: Equatable, Sendable {
    var label: String
    var expected: Int
    var claimed: Int
    var sent: Int
    /// Nil while the issuer has said nothing (Badgr never says).
    var accepted: Int?
    /// Accepted of the sent claims the issuer has told about; nil when not known.
    var acceptanceRate: Double?
}
