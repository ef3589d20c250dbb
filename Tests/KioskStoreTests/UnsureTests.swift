import Foundation
import KioskCore
@testable import KioskStore
import Testing

@Suite("Unsure awards")
struct UnsureTests {
    /// A fixture with one claim (two awards) taken for sending, the first recorded unsure.
    private static func withUnsureAward() throws -> (Fixture, unsure: OutboxItem, other: OutboxItem) {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let taken = try fixture.store.takeDueAwards(limit: 2, now: Fixture.during.adding(seconds: 10))
        try #require(taken.count == 2)
        try fixture.store.waitFor {
            fixture.store.record(taken[0].id, .unsure(reason: "the connection dropped"), at: Fixture.during.adding(seconds: 11),
                                       completion: $0)
        }
        return (fixture, taken[0], taken[1])
    }

    @Test("an unsure award is listed with its learner's email for staff, and is never due")
    func listedAndNeverDue() throws {
        let (fixture, unsure, other) = try Self.withUnsureAward()
        try fixture.store.releaseAwards([other.id], dueAt: Fixture.during, at: Fixture.during)
        let summary = try fixture.store.outboxSummary()
        #expect(summary.counts[.unsure] == 1)
        let listed = try #require(summary.unsure.first)
        #expect(listed.id == unsure.id && listed.email == "learner1@example.org" && listed.reason == "the connection dropped")
        #expect(listed.badgeName == Fixture.badges[0].name && listed.since == Fixture.during.adding(seconds: 11))
        // Far in the future, only the other award is due: the unsure one is never sent on its own.
        let due = try fixture.store.takeDueAwards(limit: 10, now: Fixture.during.adding(seconds: 86_400 * 365))
        #expect(due.map(\.id) == [other.id])
        #expect(try fixture.store.retryAward(unsure.id, at: Fixture.during) == .unsure)
    }

    @Test("a repeated claim with an unsure award does not say it was sent")
    func claimIsNotSent() throws {
        let (fixture, _, other) = try Self.withUnsureAward()
        try fixture.store.waitFor { fixture.store.record(other.id, .sent(reference: "E1"), at: Fixture.during, completion: $0) }
        let again = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        guard case let .repeated(_, state) = again else {
            Issue.record("expected the same claim again, got \(again)")
            return
        }
        #expect(state == .unsure)
    }

    @Test("resend queues it to go now with no look-up first")
    func resend() throws {
        let (fixture, unsure, _) = try Self.withUnsureAward()
        let now = Fixture.during.adding(seconds: 60)
        #expect(try fixture.store.settleUnsure(unsure.id, .resend, at: now) == .settled(.queued))
        let due = try fixture.store.takeDueAwards(limit: 10, now: now)
        let item = try #require(due.first { $0.id == unsure.id })
        #expect(item.verify == false)
        #expect(try fixture.store.settleUnsure(unsure.id, .arrived, at: now) == .notUnsure(.sending))
    }

    @Test("arrived marks it sent, confirmed by staff")
    func arrived() throws {
        let (fixture, unsure, _) = try Self.withUnsureAward()
        #expect(try fixture.store.settleUnsure(unsure.id, .arrived, at: Fixture.during) == .settled(.sent))
        let summary = try fixture.store.outboxSummary()
        #expect(summary.counts[.sent] == 1 && summary.counts[.unsure] == 0 && summary.unsure.isEmpty)
        #expect(!summary.lastErrors.contains { $0.awardID == unsure.id })
        let reference = try fixture.store.withReader { connection throws(StoreError) in
            let row = try connection.prepare("SELECT issuer_ref FROM awards WHERE id = ?")
            try row.bind(unsure.id, at: 1)
            _ = try row.step()
            return row.text(at: 0)
        }
        #expect(reference == KioskStore.confirmedByStaff)
        #expect(try fixture.store.settleUnsure(unsure.id, .resend, at: Fixture.during) == .notUnsure(.sent))
        #expect(try fixture.store.settleUnsure(999, .resend, at: Fixture.during) == .notFound)
    }
}
