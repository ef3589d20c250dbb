import KioskCore
@testable import KioskStore
import Testing

@Suite("The purge and a clock that jumps")
struct PurgeClockTests {
    @Test("the store remembers the newest time it held when it opened")
    func newestRecordedAtOpening() throws {
        let fixture = try Fixture()
        let claimedAt = Fixture.during.adding(seconds: 5)
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, at: claimedAt))
        try fixture.reopen()
        #expect(fixture.store.clock.newestRecorded == claimedAt)
        let empty = TemporaryDirectory()
        let fresh = try KioskStore(directory: empty.path)
        defer { fresh.close() }
        #expect(fresh.clock.newestRecorded == nil)
    }

    @Test("a clock a year ahead erases nothing early; real time passing does")
    func jumpedClockErasesNothingEarly() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        try RetentionTests.sendAll(fixture.store, at: Fixture.during)
        try fixture.reopen()
        let clock = fixture.store.clock
        let tenMinutes = clock.monotonic + 600 * 1_000_000_000
        let jumped = clock.trustedNow(wall: Fixture.during.adding(seconds: 365 * 86_400), monotonic: tenMinutes)
        #expect(try fixture.store.purgePersonalData(olderThanDays: 30, at: jumped) == 0)
        #expect(try fixture.store.claims(sessionID: fixture.session.id).first?.email == "learner1@example.org")

        let monthLater = clock.monotonic + 31 * 86_400 * 1_000_000_000
        let passed = clock.trustedNow(wall: Fixture.during.adding(seconds: 365 * 86_400), monotonic: monthLater)
        #expect(try fixture.store.purgePersonalData(olderThanDays: 30, at: passed) == 1)
    }

    @Test("awards put off beyond the horizon are due now; nearer ones keep their time")
    func distantRetriesPulledIn() throws {
        let fixture = try Fixture(expected: 10)
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let now = Fixture.during
        let items = try fixture.store.takeDueAwards(limit: 10, now: now)
        #expect(items.count == 2)
        let times = [now.adding(seconds: 3600), now.adding(seconds: 40 * 86_400)]
        for (item, next) in zip(items, times) {
            try fixture.store.waitFor {
                fixture.store.record(item.id, .retry(error: "HTTP 503", ambiguous: false, nextAttempt: next), at: now, completion: $0)
            }
        }
        #expect(try fixture.store.pullInDistantRetries(beyond: now.adding(seconds: 86_400), at: now) == 1)
        #expect(try fixture.store.nextDueTime() == now)
        #expect(try fixture.store.takeDueAwards(limit: 10, now: now).map(\.id) == [items[1].id])
        #expect(try fixture.store.pullInDistantRetries(beyond: now.adding(seconds: 86_400), at: now) == 0)
    }
}
