import KioskCore

/// The awards outbox as status pages show it.
extension KioskStore {
    /// How many recent errors `outboxSummary` lists.
    public static let outboxErrorsShown = 10

    /// Award counts by state, the oldest queued award's time, the latest errors and the unsure awards.
    public func outboxSummary() throws(StoreError) -> OutboxSummary {
        try withReader { connection throws(StoreError) in
            var counts = Dictionary(uniqueKeysWithValues: Award.State.allCases.map { ($0, 0) })
            let byState = try connection.cached("SELECT state, COUNT(*) FROM awards GROUP BY state")
            while try byState.step() {
                if let state = byState.text(at: 0).flatMap(Award.State.init(rawValue:)) {
                    counts[state] = byState.int(at: 1)
                }
            }
            let oldest = try connection.cached("SELECT MIN(created_at) FROM awards WHERE state = 'queued'")
            let oldestQueuedAt = try oldest.step() ? oldest.optionalInt64(at: 0).map(Timestamp.init(milliseconds:)) : nil

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
