import KioskCore

extension KioskStore {
    /// The query behind `activity(since:)`'s figures since a time, for checking its plan: each count
    /// walks the time index from `start` on, so it costs what happened since then, not all that is kept.
    public static let activitySinceSQL = """
        SELECT (SELECT COUNT(*) FROM sessions WHERE created_at >= ?1), (SELECT COUNT(*) FROM claims WHERE created_at >= ?1)
        """

    /// Sessions and claims since `start`, and in all (the tallies `metrics()` reads); one read
    /// snapshot, so the figures agree.
    public func activity(since start: Timestamp) throws(StoreError) -> StoreActivity {
        try withReader { connection throws(StoreError) in
            let counts = try connection.cached(Self.activitySinceSQL)
            defer { counts.reset() }
            try counts.bind(start.milliseconds, at: 1)
            let tallies = try Self.tallies(connection)
            guard try counts.step() else {
                return StoreActivity(sessionsSince: 0, claimsSince: 0, sessions: tallies.sessions, claims: tallies.claims)
            }
            return StoreActivity(sessionsSince: counts.int(at: 0), claimsSince: counts.int(at: 1),
                                 sessions: tallies.sessions, claims: tallies.claims)
        }
    }
}
