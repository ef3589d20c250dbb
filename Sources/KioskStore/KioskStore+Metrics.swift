import KioskCore

/// The numbers `GET /metrics` shows, read cheaply enough to be asked every few seconds.
extension KioskStore {
    /// The queries behind `metrics()`, for checking their plans: none may scan a whole table.
    ///
    /// Claims and awards are never deleted (the retention purge only blanks names and emails), so
    /// the highest row number is the number of rows, found in one step down the table's b-tree.
    /// Awards not yet sent are few and counted on the `awards_outbox` index; sent awards are the rest.
    public static let metricsQueries = (
        claims: "SELECT MAX(rowid) FROM claims",
        awards: "SELECT MAX(id) FROM awards",
        inState: "SELECT COUNT(*) FROM awards WHERE state = ?",
        oldestQueued: "SELECT MIN(created_at) FROM awards WHERE state = ?"
    )

    /// Claims stored, awards by state and the oldest queued award's time, from one read snapshot.
    public func metrics() throws(StoreError) -> StoreMetrics {
        try withReader { connection throws(StoreError) in
            let queries = Self.metricsQueries
            let claims = try connection.cached(queries.claims)
            let claimCount = try claims.step() ? claims.optionalInt64(at: 0) ?? 0 : 0
            let awards = try connection.cached(queries.awards)
            let awardCount = try awards.step() ? awards.optionalInt64(at: 0) ?? 0 : 0

            var counts: [Award.State: Int] = [:]
            let inState = try connection.cached(queries.inState)
            for state in Award.State.allCases where state != .sent {
                inState.reset()
                try inState.bind(state.rawValue, at: 1)
                counts[state] = try inState.step() ? inState.int(at: 0) : 0
            }
            counts[.sent] = max(0, Int(awardCount) - counts.values.reduce(0, +))

            let oldest = try connection.cached(queries.oldestQueued)
            try oldest.bind(Award.State.queued.rawValue, at: 1)
            let oldestQueuedAt = try oldest.step() ? oldest.optionalInt64(at: 0).map(Timestamp.init(milliseconds:)) : nil
            return StoreMetrics(claims: Int(claimCount), awards: counts, oldestQueuedAt: oldestQueuedAt)
        }
    }
}
