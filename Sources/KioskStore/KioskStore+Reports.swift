import KioskCore

/// Figures for reports (docs/ARCHITECTURE.md §4.9): counted from claims and awards, which the
/// retention purge keeps, so a report reads the same after it.
extension KioskStore {
    /// The query behind `sessionFigures`: the sessions made in `?1..<?2` found on their time index,
    /// their claims on `claims_by_session` and the claims' awards on `awards_by_claim`, so a month's
    /// report reads that month's rows and no others, however many years the store holds.
    /// The store keeps no planner statistics, and without them SQLite would rather walk every claim
    /// in id order to group them; `INDEXED BY` and `CROSS JOIN` (which fixes the order of the loops)
    /// hold it to this plan.
    public static let sessionFiguresSQL = """
        SELECT s.id, s.title, s.created_at, s.expected, COUNT(t.claim_id),
               TOTAL(t.state = 'sent'), TOTAL(t.state = 'failed'), TOTAL(t.state = 'waiting'),
               TOTAL(t.state = 'lapsed'), TOTAL(t.state = 'onTheWay'),
               TOTAL(t.state = 'sent' AND t.accepted), TOTAL(t.state = 'sent' AND t.known)
        FROM sessions s INDEXED BY sessions_by_time LEFT JOIN (
            SELECT c.session_id, c.id AS claim_id,
                   CASE WHEN TOTAL(a.state = 'failed') > 0 THEN 'failed'
                        WHEN TOTAL(a.state = 'lapsed') > 0 THEN 'lapsed'
                        WHEN TOTAL(a.state = 'waiting') > 0 THEN 'waiting'
                        WHEN TOTAL(a.state = 'sent') = COUNT(a.id) THEN 'sent'
                        ELSE 'onTheWay' END AS state,
                   TOTAL(a.acceptance = 'accepted') = COUNT(a.id) AS accepted,
                   TOTAL(a.acceptance IS NOT NULL) = COUNT(a.id) AS known
            FROM sessions r INDEXED BY sessions_by_time CROSS JOIN claims c INDEXED BY claims_by_session
                 CROSS JOIN awards a INDEXED BY awards_by_claim
            WHERE r.created_at >= ?1 AND r.created_at < ?2 AND c.session_id = r.id AND a.claim_id = c.id
            GROUP BY c.id
        ) t ON t.session_id = s.id
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
                             ClaimTally(claimed: statement.int(at: 4), sent: count(5), failed: count(6), waiting: count(7),
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
