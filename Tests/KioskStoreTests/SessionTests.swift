import KioskCore
@testable import KioskStore
import Testing

@Suite("Sessions and codes")
struct SessionTests {
    @Test("ending a session twice answers the same code and keeps the first end time")
    func endTwice() throws {
        let fixture = try Fixture()
        let again = try fixture.store.endSession(id: fixture.session.id, policy: CodePolicy(), at: Fixture.during)
        #expect(again == fixture.code)
        let summary = try #require(try fixture.store.session(id: fixture.session.id))
        #expect(summary.session.endedAt == Fixture.start.adding(seconds: 3600))
        #expect(summary.code == fixture.code)
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)) == [fixture.code])
    }

    @Test("ending again after the code expired makes a fresh code")
    func endAfterExpiry() throws {
        let fixture = try Fixture(policy: CodePolicy(lifetimeSeconds: 60))
        let fresh = try fixture.store.endSession(id: fixture.session.id, policy: CodePolicy(lifetimeSeconds: 60),
                                                 at: fixture.code.expiresAt)
        #expect(fresh.id != fixture.code.id)
        #expect(fresh.token != fixture.code.token)
        #expect(fresh.expiresAt == fixture.code.expiresAt.adding(seconds: 60))
        #expect(try fixture.store.session(id: fixture.session.id)?.code == fresh)
    }

    @Test("a new code follows the policy: 128-bit token, short code, expiry, limit")
    func codeShape() throws {
        let fixture = try Fixture(expected: 10)
        #expect(RandomToken.looksLikeClaimToken(fixture.code.token))
        #expect(ShortCode.normalize(fixture.code.short) == fixture.code.short)
        #expect(fixture.code.expiresAt == Fixture.start.adding(seconds: 3600 + 72 * 3600))
        #expect(fixture.code.maxClaims == 12)
        #expect(fixture.code.claimed == 0)
    }

    @Test("sessions keep their badge order, drop repeated badges and refuse unknown ones")
    func createRules() throws {
        let fixture = try Fixture()
        let session = try fixture.store.createSession(title: "Day 2", badgeIDs: ["obf-day2", "obf-day1", "obf-day2"],
                                                      expected: 3, at: Fixture.during)
        #expect(session.badgeIDs == ["obf-day2", "obf-day1"])
        #expect(try fixture.store.session(id: session.id)?.session == session)

        #expect(throws: StoreError.notFound("badge obf-nope")) {
            try fixture.store.createSession(title: "X", badgeIDs: ["obf-day1", "obf-nope"], expected: 1, at: Fixture.during)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.createSession(title: "X", badgeIDs: [], expected: 1, at: Fixture.during)
        }
        #expect(try fixture.store.sessions(limit: 10).count == 2)
    }

    @Test("sessions are listed newest first with their claim counts, up to the limit")
    func listing() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let second = try fixture.store.createSession(title: "Second", badgeIDs: ["obf-day1"], expected: 2, at: Fixture.during)
        let third = try fixture.store.createSession(title: "Third", badgeIDs: ["obf-day2"], expected: 2, at: Fixture.during)

        let all = try fixture.store.sessions(limit: 10)
        #expect(all.map(\.session.id) == [third.id, second.id, fixture.session.id])
        #expect(all.map(\.claimed) == [0, 0, 1])
        #expect(all.map { $0.code == nil } == [true, true, false])
        #expect(try fixture.store.sessions(limit: 2).map(\.session.id) == [third.id, second.id])
        #expect(try fixture.store.session(id: 999) == nil)
    }

    @Test("the catalogue upserts by id and lists by name")
    func badgeCatalogue() throws {
        let fixture = try Fixture()
        try fixture.store.upsertBadge(Badge(id: "obf-day1", name: "Z renamed", description: "new"))
        try fixture.store.upsertBadge(Badge(id: "obf-a", name: "A first"))
        #expect(try fixture.store.badges().map(\.name) == ["A first", "Day 2: Job search", "Z renamed"])
        #expect(try fixture.store.badge(id: "obf-day1") == Badge(id: "obf-day1", name: "Z renamed", description: "new"))
        #expect(try fixture.store.badge(id: "missing") == nil)
    }
}
