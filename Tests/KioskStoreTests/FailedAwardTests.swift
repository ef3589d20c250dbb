import KioskCore
@testable import KioskStore
import Testing

@Suite("Refused awards for staff")
struct FailedAwardTests {
    /// Two learners claimed; the issuer refused learner 1's first badge and sent the rest.
    private static func withRefusal() throws -> (Fixture, refused: OutboxItem) {
        let fixture = try Fixture()
        for learner in 1...2 { _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner)) }
        let taken = try fixture.store.takeDueAwards(limit: 10, now: Fixture.during.adding(seconds: 10))
        try #require(taken.count == 4)
        let refused = try #require(taken.first { $0.email == "learner1@example.org" && $0.badgeID == Fixture.badges[0].id })
        for award in taken {
            let outcome: AwardOutcome = award.id == refused.id ? .failed(reason: "HTTP 400 unknown badge") : .sent(reference: "E\(award.id)")
            try fixture.store.waitFor { fixture.store.record(award.id, outcome, at: Fixture.during.adding(seconds: 11), completion: $0) }
        }
        return (fixture, refused)
    }

    @Test("a refused award is listed with the learner's name, email, claim time and the issuer's reason")
    func listed() throws {
        let (fixture, refused) = try Self.withRefusal()
        let failed = try fixture.store.failedAwards()
        #expect(failed.map(\.id) == [refused.id])
        let award = try #require(failed.first)
        #expect(award.name == "Learner 1" && award.email == "learner1@example.org")
        #expect(award.badgeName == Fixture.badges[0].name && award.reason == "HTTP 400 unknown badge")
        #expect(award.claimedAt == Fixture.during && award.since == Fixture.during.adding(seconds: 11))
        #expect(try fixture.store.unsureAwards().isEmpty)
    }

    @Test("once issued by hand, a refused award can be marked arrived, and then counts as sent")
    func arrivedAfterExport() throws {
        let (fixture, refused) = try Self.withRefusal()
        #expect(try fixture.store.settleUnsure(refused.id, .resend, at: Fixture.during) == .notUnsure(.failed))
        #expect(try fixture.store.settleUnsure(refused.id, .arrived, at: Fixture.during) == .settled(.sent))
        #expect(try fixture.store.failedAwards().isEmpty)
        let summary = try fixture.store.outboxSummary()
        #expect(summary.counts[.failed] == 0 && summary.counts[.sent] == 4)
        #expect(try fixture.store.sessionFigures().first?.tally.sent == 2)
    }
}
