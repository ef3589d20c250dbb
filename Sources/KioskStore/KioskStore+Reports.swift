import KioskCore

/// Figures for reports (docs/ARCHITECTURE.md §4.9): counted from claims and awards, which the
/// retention purge keeps, so a report reads the same after it.
extension KioskStore {
    /// The query behind `sessionFigures`: the sessions made in `?1..<?2` found on their time index,
    /// and each one's claims counted by standing from `session_figures` (schema 10), which triggers keep
    /// in the same commit as the claims and awards. A month's report so reads a row or two per session,
    /// however many claims the month or the store holds. `INDEXED BY` holds it to the time index: the
    /// store keeps no planner statistics, and without them SQLite would rather walk every session.
    public static let sessionFiguresSQL = """
        SELECT s.id, s.title, s.created_at, s.expected, TOTAL(f.n),
               TOTAL(CASE WHEN f.standing IN ('sent', 'sent.known', 'sent.accepted') THEN f.n END),
               TOTAL(CASE WHEN f.standing = 'failed' THEN f.n END), TOTAL(CASE WHEN f.standing = 'waiting' THEN f.n END),
               TOTAL(CASE WHEN f.standing = 'lapsed' THEN f.n END), TOTAL(CASE WHEN f.standing = 'onTheWay' THEN f.n END),
               TOTAL(CASE WHEN f.standing = 'sent.accepted' THEN f.n END),
               TOTAL(CASE WHEN f.standing IN ('sent.known', 'sent.accepted') THEN f.n END)
        FROM sessions s INDEXED BY sessions_by_time LEFT JOIN session_figures f ON f.session_id = s.id
        WHERE s.created_at >= ?1 AND s.created_at < ?2
        GROUP BY s.id ORDER BY s.created_at, s.id
        """

    /// Each session made in `from..<to` (all when nil), oldest first, with its claims counted by
    /// where they stand, as `Award.State.overall` judges a claim.
    public func sessionFigures(from: Timestamp? = nil, to: Timestamp? = nil) throws(StoreError) -> [SessionFigures] {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached(Self.sessionFiguresSQL)
            try statement.bind(from?.milliseconds ?? Int64.min, at: 1)
            try statement.bind(to?.milliseconds ?? Int64.max, at: 2)
            var rows: [(id: Int64, title: String, createdAt: Timestamp, expected: Int, tally: ClaimTally)] = []
            while try statement.step() {
                let count = { (column: Int32) in Int(statement.double(at: column)) }
                rows.append((statement.int64(at: 0), statement.text(at: 1) ?? "", Timestamp(milliseconds: statement.int64(at: 2)),
                             statement.int(at: 3),
                             ClaimTally(claimed: count(4), sent: count(5), failed: count(6), waiting: count(7),
                                        lapsed: count(8), onTheWay: count(9), accepted: count(10), acceptanceKnown: count(11))))
            }
            statement.reset()
            // Every session's badges in one read, not one per session.
            let badges = try connection.cached("""
                SELECT b.session_id, b.badge_id FROM session_badges b JOIN sessions s ON s.id = b.session_id
                WHERE s.created_at >= ?1 AND s.created_at < ?2 ORDER BY b.session_id, b.position
                """)
            try badges.bind(from?.milliseconds ?? Int64.min, at: 1)
            try badges.bind(to?.milliseconds ?? Int64.max, at: 2)
            var badgeIDs: [Int64: [String]] = [:]
            while try badges.step() { badgeIDs[badges.int64(at: 0), default: []].append(badges.text(at: 1) ?? "") }
            badges.reset()
            return rows.map { row in
                SessionFigures(sessionID: row.id, title: row.title, createdAt: row.createdAt, badgeIDs: badgeIDs[row.id] ?? [],
                               expected: row.expected, tally: row.tally)
            }
        }
    }
}
