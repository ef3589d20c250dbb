import KioskCore

/// Acceptance (docs/ARCHITECTURE.md §4.9): which sent awards the issuer is to be asked about, and what it said.
///
/// Only the acceptance columns are ever written here: a sent award stays sent, and its `updated_at`
/// (the time it was sent, which the retention purge and the schedule go by) is left alone.
extension KioskStore {
    /// The due query, kept beside `AcceptanceSchedule`, which it mirrors term for term. Its first two
    /// terms are the partial index's own (schema 8), so SQLite searches `awards_acceptance_due` by
    /// send time within the window, in index order, and stops at the limit: never a scan of all awards.
    static let acceptanceDueSQL = """
        SELECT a.id, a.issuer_ref, a.badge_id, c.email, a.updated_at, a.acceptance_checked_at
        FROM awards a JOIN claims c ON c.id = a.claim_id
        WHERE a.state = 'sent' AND a.acceptance IS NOT 'accepted'
          AND a.updated_at > ?1 - ?4 * 1000 AND a.issuer_ref IS NOT NULL
          AND CASE WHEN a.acceptance_checked_at IS NULL THEN a.updated_at + ?2 * 1000
                   ELSE a.acceptance_checked_at
                        + MIN(?3, MAX(?2, (a.acceptance_checked_at - a.updated_at) / 1000)) * 1000 END <= ?1
        ORDER BY a.updated_at, a.id LIMIT ?5
        """

    /// Up to `limit` sent awards due a check at `now` under `schedule`, longest sent first: not
    /// accepted yet, sent within the window, and not asked about for the schedule's gap.
    public func awardsDueAcceptanceCheck(schedule: AcceptanceSchedule, limit: Int,
                                         now: Timestamp) throws(StoreError) -> [SentAward] {
        try withReader { connection throws(StoreError) in
            let due = try connection.cached(Self.acceptanceDueSQL)
            try due.bind(now.milliseconds, at: 1)
            try due.bind(schedule.firstCheck, at: 2)
            try due.bind(schedule.maxInterval, at: 3)
            try due.bind(schedule.window, at: 4)
            try due.bind(limit, at: 5)
            var awards: [SentAward] = []
            while try due.step() {
                awards.append(SentAward(id: due.int64(at: 0), reference: due.text(at: 1) ?? "", badgeID: due.text(at: 2) ?? "",
                                        email: due.text(at: 3), sentAt: Timestamp(milliseconds: due.int64(at: 4)),
                                        checkedAt: due.optionalInt64(at: 5).map(Timestamp.init(milliseconds:))))
            }
            due.reset()
            return awards
        }
    }

    /// Records what the issuer said about sent award `id` at `now`, in one committed write. An award
    /// already accepted is never put back to pending, and one that is not sent (never the case for a
    /// due award, but staff may have acted meanwhile) is left as it is.
    public func recordAcceptance(_ id: Int64, _ answer: AcceptanceAnswer, at now: Timestamp) throws(StoreError) {
        let (acceptance, acceptedAt): (String?, Int64?) = switch answer {
        case let .accepted(at): ("accepted", at?.milliseconds)
        case .pending: ("pending", nil)
        case .notKnown: (nil, nil)
        }
        try writeAndWait { connection in
            let record = try connection.cached("""
                UPDATE awards SET acceptance = COALESCE(?1, acceptance),
                    accepted_at = CASE WHEN ?1 = 'accepted' THEN ?2 ELSE accepted_at END, acceptance_checked_at = ?3
                WHERE id = ?4 AND state = 'sent' AND acceptance IS NOT 'accepted'
                """)
            try record.bind(acceptance, at: 1)
            try record.bind(acceptedAt, at: 2)
            try record.bind(now.milliseconds, at: 3)
            try record.bind(id, at: 4)
            try record.run()
        }
    }
}
