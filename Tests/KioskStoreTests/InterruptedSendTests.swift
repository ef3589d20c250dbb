import KioskCore
@testable import KioskStore
import Testing

@Suite("Sends a stop interrupted")
struct InterruptedSendTests {
    @Test("awards left being sent are queued for a look-up, due only at the time given")
    func recoveredAwardsWaitUntilTheirDueTime() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let taken = try fixture.store.takeDueAwards(limit: 2, now: Fixture.during)
        try #require(taken.count == 2)
        try fixture.reopen()

        let restart = Fixture.during.adding(seconds: 5)
        #expect(try fixture.store.recoverInterruptedSends(dueAt: restart.adding(seconds: 20), at: restart) == 2)
        #expect(try fixture.store.outboxSummary().counts[.queued] == 2)
        #expect(try fixture.store.nextDueTime() == restart.adding(seconds: 20))
        #expect(try fixture.store.takeDueAwards(limit: 10, now: restart.adding(seconds: 19)).isEmpty)
        let due = try fixture.store.takeDueAwards(limit: 10, now: restart.adding(seconds: 20))
        #expect(Set(due.map(\.id)) == Set(taken.map(\.id)))
        #expect(due.allSatisfy { $0.verify }, "each is looked up before it is sent again")
        #expect(try fixture.store.recoverInterruptedSends(dueAt: restart, at: restart) == 2)
    }
}
