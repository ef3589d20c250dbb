import KioskCore
@testable import KioskStore
import Testing

@Suite("Store metrics: cheap counts for /metrics")
struct StoreMetricsTests {
    @Test("an empty store counts zero claims, zero awards in every state and no queued award")
    func empty() throws {
        let fixture = try Fixture()
        let metrics = try fixture.store.metrics()
        #expect(metrics == StoreMetrics(claims: 0, awards: [.queued: 0, .sending: 0, .sent: 0, .failed: 0, .unsure: 0, .waiting: 0, .lapsed: 0],
                                        oldestQueuedAt: nil))
    }

    @Test("the counts agree with full counts of the tables and with the outbox summary")
    func agreesWithFullCounts() throws {
        let fixture = try Fixture(expected: 20)
        for learner in 0..<6 {
            let at = Fixture.during.adding(seconds: Int64(learner))
            _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner, at: at))
        }
        // The same claim again stores nothing new, and must not be counted twice.
        let again = Fixture.submission(code: fixture.code, learner: 0)
        _ = try fixture.store.submitClaim(again)
        try fixture.store.writeAndWait { connection in
            try connection.execute("""
                UPDATE awards SET state = CASE id WHEN 1 THEN 'sent' WHEN 2 THEN 'sent' WHEN 3 THEN 'sending'
                    WHEN 4 THEN 'failed' WHEN 5 THEN 'unsure' ELSE state END
                """)
        }
        let metrics = try fixture.store.metrics()
        let summary = try fixture.store.outboxSummary()
        #expect(metrics.claims == (try fixture.count("claims")))
        #expect(metrics.claims == 6)
        #expect(metrics.awards == summary.counts)
        #expect(metrics.awards == [.queued: 7, .sending: 1, .sent: 2, .failed: 1, .unsure: 1, .waiting: 0, .lapsed: 0])
        #expect(metrics.oldestQueuedAt == summary.oldestQueuedAt)
        #expect(metrics.oldestQueuedAt == Fixture.during.adding(seconds: 2))
    }

    @Test("no summary read often walks a table: counts are tallies, the oldest queued award and today's rows are index searches")
    func queryPlansSearch() throws {
        let fixture = try Fixture()
        let plans = try Self.plans(fixture, [KioskStore.metricsQueries.tallies, KioskStore.metricsQueries.oldestQueued,
                                             KioskStore.activitySinceSQL])
        #expect(plans[0] == ["SCAN tallies"])
        #expect(plans[1] == ["SEARCH awards USING INDEX awards_queued_age"])
        #expect(plans[2] == ["SCAN CONSTANT ROW", "SCALAR SUBQUERY 1",
                             "SEARCH sessions USING COVERING INDEX sessions_by_time (created_at>?)",
                             "SCALAR SUBQUERY 2", "SEARCH claims USING COVERING INDEX claims_by_time (created_at>?)"])
    }

    @Test("a report's period is found on the sessions' time index and each session's figures by its key: no claim or award is read")
    func reportPlanSearches() throws {
        let fixture = try Fixture()
        let plan = try Self.plans(fixture, [KioskStore.sessionFiguresSQL])[0]
        #expect(plan == ["SEARCH s USING INDEX sessions_by_time (created_at>? AND created_at<?)",
                         "SEARCH f USING PRIMARY KEY (session_id=?) LEFT-JOIN", "USE TEMP B-TREE FOR GROUP BY",
                         "USE TEMP B-TREE FOR ORDER BY"])
    }

    /// The detail lines of each query's plan, in order, on a connection of their own.
    private static func plans(_ fixture: Fixture, _ queries: [String]) throws -> [[String]] {
        let connection = try Connection.open(path: fixture.store.path, readOnly: true)
        defer { connection.close() }
        return try queries.map { sql in
            let explain = try connection.prepare("EXPLAIN QUERY PLAN " + sql)
            var details: [String] = []
            while try explain.step() { details.append(explain.text(at: 3) ?? "") }
            return details
        }
    }
}
