import KioskCore
@testable import KioskStore
import Testing

@Suite("Outbox summary")
struct OutboxTests {
    @Test("an empty outbox counts zero in every state")
    func empty() throws {
        let fixture = try Fixture()
        let summary = try fixture.store.outboxSummary()
        #expect(summary.counts == [.queued: 0, .sending: 0, .sent: 0, .failed: 0, .unsure: 0, .waiting: 0, .lapsed: 0])
        #expect(summary.unsure.isEmpty)
        #expect(summary.oldestQueuedAt == nil)
        #expect(summary.lastErrors.isEmpty)
    }

    @Test("counts by state, the oldest queued time and the latest errors, newest first")
    func countsAndErrors() throws {
        let fixture = try Fixture(expected: 20)
        for learner in 0..<6 {
            let at = Fixture.during.adding(seconds: Int64(learner))
            _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner, at: at))
        }
        // 12 awards, ids 1...12: mark some as a forwarder would.
        try fixture.store.writeAndWait { connection in
            let update = try connection.cached("UPDATE awards SET state = ?, last_error = ?, updated_at = ? WHERE id = ?")
            let changes: [(Int64, String, String?, Int64)] = [
                (1, "sent", nil, 10), (2, "sent", nil, 11), (3, "sending", nil, 12),
                (4, "failed", "issuer said 400: unknown badge", 13), (5, "queued", "timed out", 14),
            ]
            for (id, state, error, at) in changes {
                update.reset()
                try update.bind(state, at: 1)
                try update.bind(error, at: 2)
                try update.bind(at, at: 3)
                try update.bind(id, at: 4)
                try update.run()
            }
        }
        let summary = try fixture.store.outboxSummary()
        #expect(summary.counts == [.queued: 8, .sending: 1, .sent: 2, .failed: 1, .unsure: 0, .waiting: 0, .lapsed: 0])
        #expect(summary.oldestQueuedAt == Fixture.during.adding(seconds: 2))
        #expect(summary.lastErrors.map(\.awardID) == [5, 4])
        #expect(summary.lastErrors.first?.error == "timed out")
        #expect(summary.lastErrors.last?.at == Timestamp(milliseconds: 13))
        #expect(summary.lastErrors.allSatisfy { Fixture.badges.map(\.id).contains($0.badgeID) })
    }

    @Test("the state column refuses anything but the five states")
    func stateIsChecked() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        #expect(throws: StoreError.self) {
            try fixture.store.writeAndWait { try $0.execute("UPDATE awards SET state = 'lost'") }
        }
        #expect(try fixture.store.outboxSummary().counts[.queued] == 2)
    }
}
