import KioskCore

/// Awards in the `unsure` state, and the two ways staff settle one once they have checked the issuer.
extension KioskStore {
    /// How many unsure awards `outboxSummary` lists (the counts still cover them all).
    public static let outboxUnsureShown = 100

    /// What staff found when they checked the issuer's own records.
    public enum UnsureChoice: String, Sendable, CaseIterable {
        /// The issuer does not have it: send it again, with no look-up first.
        case resend
        /// The issuer has it: it counts as sent.
        case arrived
    }

    /// What settling an unsure award did.
    public enum SettleOutcome: Sendable, Equatable {
        /// `resend`: queued to go now; `arrived`: marked sent.
        case settled(Award.State)
        case notFound
        /// The award is not unsure (it is in this state), so there is nothing to settle.
        case notUnsure(Award.State)
    }

    /// The issuer reference an award marked arrived by staff gets.
    public static let confirmedByStaff = "confirmed by staff"

    /// Settles unsure award `id` as `choice` says; any other state is left alone.
    public func settleUnsure(_ id: Int64, _ choice: UnsureChoice, at now: Timestamp,
                             completion: @escaping @Sendable (Result<SettleOutcome, StoreError>) -> Void) {
        write({ connection in
            let current = try connection.cached("SELECT state FROM awards WHERE id = ?")
            try current.bind(id, at: 1)
            guard try current.step() else { return SettleOutcome.notFound }
            let state = current.text(at: 0).flatMap(Award.State.init(rawValue:)) ?? .failed
            current.reset()
            guard state == .unsure else { return .notUnsure(state) }
            let settle = try connection.cached(choice == .resend ? """
                UPDATE awards SET state = 'queued', verify = 0, next_attempt_at = ?1, updated_at = ?1 WHERE id = ?2
                """ : """
                UPDATE awards SET state = 'sent', issuer_ref = ?3, last_error = NULL, verify = 0, next_attempt_at = NULL,
                    updated_at = ?1
                WHERE id = ?2
                """)
            try settle.bind(now.milliseconds, at: 1)
            try settle.bind(id, at: 2)
            if choice == .arrived { try settle.bind(Self.confirmedByStaff, at: 3) }
            try settle.run()
            return .settled(choice == .resend ? .queued : .sent)
        }, completion: completion)
    }

    /// `settleUnsure` that returns once committed.
    public func settleUnsure(_ id: Int64, _ choice: UnsureChoice, at now: Timestamp) throws(StoreError) -> SettleOutcome {
        try waitFor { settleUnsure(id, choice, at: now, completion: $0) }
    }

    /// Unsure awards, the longest-waiting first, at most `limit`.
    public func unsureAwards(limit: Int = outboxUnsureShown) throws(StoreError) -> [UnsureAward] {
        try withReader { connection throws(StoreError) in
            try Self.unsureAwards(connection, limit: limit)
        }
    }

    static func unsureAwards(_ connection: Connection, limit: Int) throws(StoreError) -> [UnsureAward] {
        let query = try connection.cached("""
            SELECT a.id, a.claim_id, a.badge_id, b.name, c.email, c.created_at, a.updated_at, a.last_error
            FROM awards a JOIN claims c ON c.id = a.claim_id LEFT JOIN badges b ON b.id = a.badge_id
            WHERE a.state = 'unsure' ORDER BY a.updated_at, a.id LIMIT ?
            """)
        defer { query.reset() }
        try query.bind(limit, at: 1)
        var awards: [UnsureAward] = []
        while try query.step() {
            let badge = query.text(at: 2) ?? ""
            awards.append(UnsureAward(id: query.int64(at: 0), claimID: query.text(at: 1) ?? "", badgeID: badge,
                                      badgeName: query.text(at: 3) ?? badge, email: query.text(at: 4),
                                      claimedAt: Timestamp(milliseconds: query.int64(at: 5)),
                                      since: Timestamp(milliseconds: query.int64(at: 6)), reason: query.text(at: 7) ?? ""))
        }
        return awards
    }
}
