import KioskCore
@testable import KioskStore
import Testing

/// Sent awards not accepted after some days, as the store lists them for staff.
@Suite("Not accepted: the store's listing")
struct NotAcceptedStoreTests {
    typealias Fixtures = AcceptanceStoreTests

    @Test func listsSentUnacceptedAwardsSentBeforeTheCutOffNewestFirst() throws {
        let fixture = try Fixtures.sentAwards()
        // Awards 1-20 sent 1, 2, … 20 days ago.
        for id in Int64(1)...20 { try Fixtures.set(fixture, id, sentHoursAgo: Double(id) * 24) }
        try Fixtures.set(fixture, 9, sentHoursAgo: 9 * 24, acceptance: "accepted")
        try Fixtures.set(fixture, 10, sentHoursAgo: 10 * 24, checkedHoursAgo: 5, acceptance: "pending")
        try Fixtures.set(fixture, 11, sentHoursAgo: 11 * 24, state: "queued")
        try Fixtures.set(fixture, 12, sentHoursAgo: 12 * 24, state: "failed")
        let cutOff = Fixtures.now.adding(seconds: -7 * 86_400)
        let listed = try fixture.store.awardsNotAccepted(sentBefore: cutOff)
        // Sent 7 days ago exactly counts; accepted, queued and refused ones never do.
        #expect(listed.awards.map(\.id) == [7, 8, 10] + Array(13...20))
        #expect(!listed.more)
        let pending = try #require(listed.awards.first { $0.id == 10 })
        #expect(pending.toldPending && pending.checkedAt == Fixtures.now.adding(seconds: -5 * 3600))
        let first = try #require(listed.awards.first)
        #expect(!first.toldPending && first.checkedAt == nil)
        // Award 7 is learner 3's day-1 badge (two awards per claim, in badge order).
        #expect(first.name == "Learner 3" && first.email == "learner3@example.org")
        #expect(first.badgeID == "obf-day1" && first.badgeName == "Day 1: Getting ready")
        #expect(first.sessionID == fixture.session.id && first.sessionTitle == "Intro to Work")
        #expect(first.sentAt == Fixtures.now.adding(seconds: -7 * 86_400))
        let limited = try fixture.store.awardsNotAccepted(sentBefore: cutOff, limit: 4)
        #expect(limited.awards.map(\.id) == [7, 8, 10, 13] && limited.more)
        #expect(try fixture.store.awardsNotAccepted(sentBefore: cutOff, limit: 11).more == false)
    }

    @Test func afterThePurgeTheAwardIsListedWithoutTheLearner() throws {
        let fixture = try Fixtures.sentAwards()
        for id in Int64(1)...20 { try Fixtures.set(fixture, id, sentHoursAgo: 40 * 24) }
        let purged = try fixture.store.purgePersonalData(olderThanDays: 30, at: Fixtures.now)
        #expect(purged > 0)
        let listed = try fixture.store.awardsNotAccepted(sentBefore: Fixtures.now.adding(seconds: -7 * 86_400))
        #expect(listed.awards.count == 20)
        #expect(listed.awards.allSatisfy { $0.name == nil && $0.email == nil && $0.badgeName.hasPrefix("Day ") })
    }

    @Test func theListingSearchesTheIndexBackwardsAndNeverScansOrSorts() throws {
        let fixture = try Fixtures.sentAwards()
        let details = try fixture.queryPlan(KioskStore.notAcceptedSQL)
        #expect(details.first == "SEARCH a USING INDEX awards_acceptance_due (state=? AND updated_at<?)", "\(details)")
        #expect(!details.contains { $0.hasPrefix("SCAN") || $0.contains("TEMP B-TREE") }, "\(details)")
        #expect(details.count == 4, "the index, then each award's claim, session and badge by their keys: \(details)")
    }
}
