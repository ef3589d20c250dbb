@testable import badgekiosk
import Foundation
import KioskCore
import KioskStore
import Testing

@Suite("Store prefill: years of claims before a benchmark")
struct StorePrefillTests {
    @Test("the claims go in as the service makes them: every award sent, names and emails purged past the window")
    func fillsLikeYearsOfUse() throws {
        let directory = NSTemporaryDirectory() + "prefill-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let badges = BenchCommand.benchBadges
        try BenchCommand.seedCatalogue(badges, state: directory)
        let now = Timestamp(milliseconds: 1_800_000_000_000)
        // 60 claims over 60 days, a session of learners each 20 days (25, 25 and 10 learners): the
        // last session, 10 days ago, is inside the purge's 30 days.
        _ = try StorePrefill(claims: 60, badgeIDs: badges.map(\.id), span: .seconds(60 * 86_400)).run(state: directory, now: now)

        let store = try KioskStore(directory: directory)
        defer { store.close() }
        let metrics = try store.metrics()
        #expect(metrics.claims == 60)
        #expect(metrics.awards[.sent] == 120)
        #expect(metrics.awards.filter { $0.key != .sent }.values.allSatisfy { $0 == 0 })
        let sessions = try store.sessions(limit: 100)
        #expect(sessions.count == 3)
        #expect(sessions.allSatisfy { $0.claimed == StorePrefill.claimsPerSession || $0.claimed == 10 })
        let claims = try sessions.flatMap { try store.claims(sessionID: $0.session.id) }
        let kept = claims.filter { !$0.email.isEmpty }
        #expect(kept.count == 10)
        #expect(kept.allSatisfy { $0.createdAt.milliseconds > now.milliseconds - 30 * 86_400_000 })
        // Ids sort in the order the claims were made.
        let ordered = claims.sorted { $0.createdAt < $1.createdAt }.map(\.id)
        #expect(ordered == ordered.sorted())
    }
}
