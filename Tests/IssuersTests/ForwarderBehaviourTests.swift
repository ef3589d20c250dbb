import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskStore

@Suite("Forwarder behaviour", .serialized)
struct ForwarderBehaviourTests {
    @Test func retryAfterIsHonouredBeforeAnyOtherRequest() throws {
        let drill = try Drill { $0.retryAfterSeconds = 2 }
        drill.simulator.failNext(.tooManyRequests, count: 2)
        try drill.startForwarder(concurrency: 1)
        try drill.claim(2)
        try drill.awaitSettled(total: 2)
        try drill.expectExactlyOnce(2)
        let requests = drill.simulator.requests.filter { !$0.path.hasSuffix("/token") }
        let limited = requests.enumerated().filter { $0.element.status == 429 }
        #expect(limited.count == 2)
        for (index, answer) in limited {
            let next = try #require(requests.indices.contains(index + 1) ? requests[index + 1] : nil)
            #expect(next.at - answer.at >= 2, "a request came \(next.at - answer.at) s after a 429 with Retry-After: 2")
        }
    }

    @Test func aPermanentRefusalParksOnlyThatAward() throws {
        let drill = try Drill()
        drill.simulator.failNext(.status(400))
        try drill.startForwarder(concurrency: 1)
        try drill.claim(3)
        try drill.awaitSettled(total: 3)
        let stored = try drill.storedAwards()
        #expect(stored.map(\.state).sorted() == ["failed", "sent", "sent"])
        let summary = try drill.store.outboxSummary()
        #expect(summary.lastErrors.count == 1)
        #expect(summary.lastErrors.first?.error.hasPrefix("HTTP 400") == true)
        let parked = try #require(summary.lastErrors.first?.awardID)
        #expect(try drill.store.retryAward(parked, at: .now()) == .queued)
        drill.forwarder?.wake()
        try drill.awaitSettled(total: 3)
        try drill.expectExactlyOnce(3)
    }

    @Test func ambiguousAttemptsAreLookedUpNotResent() throws {
        let drill = try Drill()
        // A timeout stores the award at the issuer but never answers.
        drill.simulator.failNext(.timeout)
        try drill.startForwarder(concurrency: 1)
        try drill.claim(1)
        try drill.awaitSettled(total: 1)
        try drill.expectExactlyOnce(1)
        let paths = drill.simulator.requests.map { "\($0.method) \($0.path.split(separator: "/").prefix(2).joined(separator: "/"))" }
        #expect(paths.filter { $0 == "POST v1/badge" }.count == 1)
        #expect(paths.contains("GET v1/event"))
    }

    @Test func backoffStaysWithinFullJitterBounds() {
        var generator = SystemRandomNumberGenerator()
        let backoff = Backoff(base: 1, cap: 300)
        for attempt in 1...20 {
            let ceiling = min(300, pow(2, Double(attempt - 1)))
            for _ in 0..<50 {
                let delay = backoff.delay(attempt: attempt, using: &generator)
                #expect(delay >= 0 && delay <= ceiling)
            }
        }
    }

    @Test func awardsLeftSendingAfterACrashAreVerifiedFirst() throws {
        let drill = try Drill()
        try drill.claim(2)
        let taken = try drill.store.takeDueAwards(limit: 10, now: .now())
        #expect(taken.count == 2)
        // The first reached the issuer before the "crash"; the second never left.
        let adapter = makeIssuerAdapter(drill.settings)
        guard case .sent = adapter.issue(taken[0]) else { Issue.record("the simulator refused the award"); return }
        try drill.startForwarder()
        try drill.awaitSettled(total: 2)
        try drill.expectExactlyOnce(2)
    }

    @Test func retentionPurgeErasesOnlyLongConfirmedClaims() throws {
        let drill = try Drill(badgesPerClaim: 2)
        try drill.claim(2)
        let taken = try drill.store.takeDueAwards(limit: 10, now: .now())
        let done = DispatchSemaphore(value: 0)
        // Claim 1: both awards sent. Claim 2: one sent, one still waiting.
        for item in taken.prefix(3) {
            drill.store.record(item.id, .sent(reference: "E\(item.id)"), at: .now()) { _ in done.signal() }
            done.wait()
        }
        let now = Timestamp.now()
        #expect(try drill.store.purgePersonalData(olderThanDays: 30, at: now) == 0)
        #expect(try drill.store.purgePersonalData(olderThanDays: 30, at: now.adding(seconds: 31 * 86_400)) == 1)
        let stored = try drill.storedAwards()
        #expect(stored.filter { $0.email.isEmpty }.count == 2)
        #expect(stored.count == 4)
        #expect(try drill.store.outboxSummary().counts[.sent] == 3)
    }
}
