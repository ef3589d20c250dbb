import KioskCore

/// The numbers `GET /metrics` shows, read cheaply enough to be asked every few seconds.
extension KioskStore {
    /// The queries behind `metrics()` and the outbox's counts, for checking their plans: none may
    /// walk more than a few rows, however many claims the kiosk has kept.
    ///
    /// The counts are the `tallies` schema 9's triggers keep in step with the rows; the oldest queued
    /// award is the first entry of `awards_queued_age`, which holds queued awards only (named, as
    /// without statistics the planner would walk every queued award on `awards_outbox` instead). The
    /// state is written into the query, not bound: SQLite uses a partial index only for a condition it
    /// can see when it plans.
    public static let metricsQueries = (
        tallies: "SELECT name, n FROM tallies",
        oldestQueued: "SELECT MIN(created_at) FROM awards INDEXED BY awards_queued_age WHERE state = 'queued'"
    )

    /// Claims stored, awards by state and the oldest queued award's time, from one read snapshot.
    public func metrics() throws(StoreError) -> StoreMetrics {
        try withReader { connection throws(StoreError) in
            let tallies = try Self.tallies(connection)
            return StoreMetrics(claims: tallies.claims, awards: tallies.awards, oldestQueuedAt: try Self.oldestQueued(connection))
        }
    }

    /// Sessions and claims stored, and awards in each state (every state present, zero when empty).
    static func tallies(_ connection: Connection) throws(StoreError) -> (sessions: Int, claims: Int, awards: [Award.State: Int]) {
        var awards = Dictionary(uniqueKeysWithValues: Award.State.allCases.map { ($0, 0) })
        var sessions = 0, claims = 0
        let statement = try connection.cached(metricsQueries.tallies)
        defer { statement.reset() }
        while try statement.step() {
            let name = statement.text(at: 0) ?? "", count = max(0, statement.int(at: 1))
            switch name {
            case "sessions": sessions = count
            case "claims": claims = count
            default:
                if name.hasPrefix("awards."), let state = Award.State(rawValue: String(name.dropFirst("awards.".count))) {
                    awards[state] = count
                }
            }
        }
        return (sessions, claims, awards)
    }

    /// When the longest-waiting queued award was made; nil when none is queued.
    static func oldestQueued(_ connection: Connection) throws(StoreError) -> Timestamp? {
        let oldest = try connection.cached(metricsQueries.oldestQueued)
        defer { oldest.reset() }
        return try oldest.step() ? oldest.optionalInt64(at: 0).map(Timestamp.init(milliseconds:)) : nil
    }
}
