import KioskCore

extension KioskStore {
    /// Sessions and claims since `start`, and in all; counted in one read, so the figures agree.
    /// Claims in all are the highest row number, as `metrics()` counts them (no claim is ever deleted).
    public func activity(since start: Timestamp) throws(StoreError) -> StoreActivity {
        try withReader { connection throws(StoreError) in
            let counts = try connection.cached("""
                SELECT (SELECT COUNT(*) FROM sessions WHERE created_at >= ?), (SELECT COUNT(*) FROM claims WHERE created_at >= ?),
                       (SELECT COUNT(*) FROM sessions), (\(Self.metricsQueries.claims))
                """)
            try counts.bind(start.milliseconds, at: 1)
            try counts.bind(start.milliseconds, at: 2)
            guard try counts.step() else { return StoreActivity(sessionsSince: 0, claimsSince: 0, sessions: 0, claims: 0) }
            return StoreActivity(sessionsSince: counts.int(at: 0), claimsSince: counts.int(at: 1),
                                 sessions: counts.int(at: 2), claims: counts.int(at: 3))
        }
    }
}
