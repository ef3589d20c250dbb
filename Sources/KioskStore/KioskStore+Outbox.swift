import KioskCore

/// The awards outbox as status pages show it.
extension KioskStore {
    /// How many recent errors `outboxSummary` lists.
    public static let outboxErrorsShown = 10

    /// Award counts by state, the oldest queued award's time, the latest errors and the unsure awards.
    public func outboxSummary() throws(StoreError) -> OutboxSummary {
        try withReader { connection throws(StoreError) in
            let counts = try Self.tallies(connection).awards
            let oldestQueuedAt = try Self.oldestQueued(connection)
            let recent = try connection.cached("""
                SELECT id, badge_id, last_error, updated_at FROM awards
                WHERE last_error IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ?
                """)
            try recent.bind(Self.outboxErrorsShown, at: 1)
            var lastErrors: [AwardError] = []
            while try recent.step() {
                lastErrors.append(AwardError(awardID: recent.int64(at: 0), badgeID: recent.text(at: 1) ?? "",
                                             error: recent.text(at: 2) ?? "",
                                             at: Timestamp(milliseconds: recent.int64(at: 3))))
            }
            return OutboxSummary(counts: counts, oldestQueuedAt: oldestQueuedAt, lastErrors: lastErrors,
                                 unsure: try Self.parkedAwards(connection, state: .unsure, limit: Self.outboxUnsureShown))
        }
    }
}
