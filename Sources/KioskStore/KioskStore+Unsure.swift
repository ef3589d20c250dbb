import KioskCore

/// Parked awards (unsure or refused), and the two ways staff settle one once they have checked the issuer.
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

    /// Settles unsure award `id` as `choice` says (a failed one may be marked arrived); any other state is left alone.
    public func settleUnsure(_ id: Int64, _ choice: UnsureChoice, at now: Timestamp,
                             completion: @escaping @Sendable (Result<SettleOutcome, StoreError>) -> Void) {
        write({ connection in
            let current = try connection.cached("SELECT state FROM awards WHERE id = ?")
            try current.bind(id, at: 1)
            guard try current.step() else { return SettleOutcome.notFound }
            let state = current.text(at: 0).flatMap(Award.State.init(rawValue:)) ?? .failed
            current.reset()
            // A refused award an admin issued by hand (from `outbox export`) may be marked arrived too.
            guard state == .unsure || (choice == .arrived && state == .failed) else { return .notUnsure(state) }
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
    public func unsureAwards(limit: Int = outboxUnsureShown) throws(StoreError) -> [ParkedAward] {
        try withReader { connection throws(StoreError) in
            try Self.parkedAwards(connection, state: .unsure, limit: limit)
        }
    }

    /// Awards the issuer refused, the longest-parked first, at most `limit`: what an admin issues by hand.
    public func failedAwards(limit: Int = 10_000) throws(StoreError) -> [ParkedAward] {
        try withReader { connection throws(StoreError) in
            try Self.parkedAwards(connection, state: .failed, limit: limit)
        }
    }

    static func parkedAwards(_ connection: Connection, state: Award.State, limit: Int) throws(StoreError) -> [ParkedAward] {
        let query = try connection.cached("""
            SELECT a.id, a.claim_id, a.badge_id, b.name, c.name, c.email, c.created_at, a.updated_at, a.last_error
            FROM awards a JOIN claims c ON c.id = a.claim_id LEFT JOIN badges b ON b.id = a.badge_id
            WHERE a.state = ?1 ORDER BY a.updated_at, a.id LIMIT ?2
            """)
        defer { query.reset() }
        try query.bind(state.rawValue, at: 1)
        try query.bind(limit, at: 2)
        var awards: [ParkedAward] = []
        while try query.step() {
            let badge = query.text(at: 2) ?? ""
            awards.append(ParkedAward(id: query.int64(at: 0), claimID: query.text(at: 1) ?? "", badgeID: badge,
                                      badgeName: query.text(at: 3) ?? badge, name: query.text(at: 4), email: query.text(at: 5),
                                      claimedAt: Timestamp(milliseconds: query.int64(at: 6)),
                                      since: Timestamp(milliseconds: query.int64(at: 7)), reason: query.text(at: 8) ?? ""))
        }
        return awards
    }
}
