import KioskCore
@testable import KioskStore
import Testing

@Suite("Tallies: counts kept in the same commit as the rows they count")
struct TallyTests {
    @Test("claims, state changes, deletes and a rolled-back write leave the tallies equal to full counts")
    func followEveryChange() throws {
        let fixture = try Fixture(expected: 20)
        for learner in 0..<5 {
            _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner,
                                                                 at: Fixture.during.adding(seconds: Int64(learner))))
        }
        try expectTalliesMatch(fixture)
        #expect(try fixture.store.metrics().awards[.queued] == 10)

        try fixture.store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'sent' WHERE id IN (1, 2, 3)")
            try connection.execute("UPDATE awards SET state = 'failed' WHERE id = 4")
            // Written again with the state it has: no move, so nothing may be counted twice.
            try connection.execute("UPDATE awards SET state = 'sent', attempts = attempts + 1 WHERE id = 1")
        }
        try expectTalliesMatch(fixture)
        #expect(try fixture.store.metrics().awards == [.queued: 6, .sending: 0, .sent: 3, .failed: 1, .unsure: 0, .waiting: 0, .lapsed: 0])

        // A waiting claim merged into an earlier one is deleted with its awards.
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 9, id: "merged"))
        try fixture.store.writeAndWait { connection in
            try connection.execute("DELETE FROM awards WHERE claim_id = 'merged'")
            try connection.execute("DELETE FROM claims WHERE id = 'merged'")
        }
        try expectTalliesMatch(fixture)
        #expect(try fixture.store.metrics().claims == 5)

        // A write that fails after inserting is undone, and its tallies with it.
        #expect(throws: StoreError.self) {
            try fixture.store.writeAndWait { connection in
                try connection.execute("UPDATE awards SET state = 'unsure' WHERE id = 5")
                throw StoreError.invalid("undo this")
            }
        }
        try expectTalliesMatch(fixture)
        #expect(try fixture.store.metrics().awards[.unsure] == 0)
    }

    @Test("a store made before the tallies gets them counted from its rows when it opens")
    func countedOnUpgrade() throws {
        let directory = try Fixture.olderStore(version: 8, rows: """
            INSERT INTO badges (id, name, description, updated_at) VALUES ('b1', 'Day 1', '', 1), ('b2', 'Day 2', '', 1);
            INSERT INTO sessions (id, title, expected, created_at, ended_at) VALUES (1, 'Intro', 4, 1, 2), (2, 'Cooking', 4, 5, 6);
            INSERT INTO claim_codes (id, session_id, kind, token, short, created_at, expires_at, max_claims, claimed)
                VALUES (1, 1, 'session', 'tok', 'K7M2QX', 2, 999, 5, 3);
            INSERT INTO claims (id, code_id, session_id, name, email, created_at)
                VALUES ('c1', 1, 1, 'Amira', 'amira@example.org', 3), ('c2', 1, 1, NULL, NULL, 4),
                       ('c3', 1, 1, 'Olek', NULL, 5);
            INSERT INTO awards (claim_id, badge_id, state, created_at, updated_at) VALUES
                ('c1', 'b1', 'sent', 3, 3), ('c1', 'b2', 'queued', 3, 3), ('c2', 'b1', 'sent', 4, 4),
                ('c2', 'b2', 'failed', 4, 4), ('c3', 'b1', 'waiting', 5, 5);
            """)

        let store = try KioskStore(directory: directory.path)
        defer { store.close() }
        let metrics = try store.metrics()
        #expect(metrics.claims == 3)
        #expect(metrics.awards == [.queued: 1, .sending: 0, .sent: 2, .failed: 1, .unsure: 0, .waiting: 1, .lapsed: 0])
        #expect(metrics.oldestQueuedAt == Timestamp(milliseconds: 3))
        let activity = try store.activity(since: Timestamp(milliseconds: 4))
        #expect(activity == StoreActivity(sessionsSince: 1, claimsSince: 2, sessions: 2, claims: 3))
    }

    /// The tallies as the store reads them against `COUNT(*)` of the rows themselves.
    private func expectTalliesMatch(_ fixture: Fixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let metrics = try fixture.store.metrics()
        #expect(metrics.claims == (try fixture.count("claims")), sourceLocation: sourceLocation)
        #expect(try fixture.store.activity(since: Timestamp(milliseconds: 0)).sessions == (try fixture.count("sessions")),
                sourceLocation: sourceLocation)
        for state in Award.State.allCases {
            #expect(metrics.awards[state] == (try fixture.count("awards WHERE state = '\(state.rawValue)'")),
                    "awards \(state.rawValue)", sourceLocation: sourceLocation)
        }
    }
}
