import KioskCore

/// Sent awards not accepted after some days (docs/ARCHITECTURE.md §4.9), for staff to remind learners.
extension KioskStore {
    /// The most awards one listing answers; the rest are said to be there, not read.
    public static let notAcceptedLimit = 500

    /// The listing's query. Its first two terms are the partial index's own (schema 8) and the third
    /// bounds its send time, so SQLite reads `awards_acceptance_due` backwards from the cut-off, in
    /// index order, and stops at the limit: never a scan of all awards, and no sort.
    static let notAcceptedSQL = """
        SELECT a.id, c.name, c.email, a.badge_id, COALESCE(b.name, a.badge_id), s.id, s.title, a.updated_at,
               a.acceptance_checked_at, a.acceptance
        FROM awards a JOIN claims c ON c.id = a.claim_id JOIN sessions s ON s.id = c.session_id
             LEFT JOIN badges b ON b.id = a.badge_id
        WHERE a.state = 'sent' AND a.acceptance IS NOT 'accepted' AND a.updated_at <= ?1
        ORDER BY a.updated_at DESC, a.id DESC LIMIT ?2
        """

    /// Sent awards not accepted and sent at or before `sentBefore`, the most recently sent first: up to
    /// `limit` of them, and whether there are more.
    public func awardsNotAccepted(sentBefore: Timestamp,
                                  limit: Int = notAcceptedLimit) throws(StoreError) -> (awards: [UnacceptedAward], more: Bool) {
        try withReader { connection throws(StoreError) in
            let select = try connection.cached(Self.notAcceptedSQL)
            defer { select.reset() }
            try select.bind(sentBefore.milliseconds, at: 1)
            // One more than asked for tells whether there are more, without counting them all.
            try select.bind(max(0, limit) + 1, at: 2)
            var awards: [UnacceptedAward] = []
            while try select.step() {
                awards.append(UnacceptedAward(
                    id: select.int64(at: 0), name: select.text(at: 1), email: select.text(at: 2), badgeID: select.text(at: 3) ?? "",
                    badgeName: select.text(at: 4) ?? "", sessionID: select.int64(at: 5), sessionTitle: select.text(at: 6) ?? "",
                    sentAt: Timestamp(milliseconds: select.int64(at: 7)),
                    checkedAt: select.optionalInt64(at: 8).map(Timestamp.init(milliseconds:)),
                    toldPending: select.text(at: 9) == "pending"))
            }
            let more = awards.count > max(0, limit)
            return (Array(awards.prefix(max(0, limit))), more)
        }
    }
}
