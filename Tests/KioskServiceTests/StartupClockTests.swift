import Foundation
import KioskCore
@testable import KioskStore
import Testing
@testable import KioskService

@Suite("Start-up checks the clock", .serialized)
struct StartupClockTests {
    @Test func aClockFarPastTheRecordsIsWarnedAboutAndFastRetriesAreDueNow() throws {
        let state = try TestFolder.make() + "/state"
        let now = Timestamp.now()
        let store = try KioskStore(directory: state)
        try store.upsertBadge(Badge(id: "day-1", name: "Day 1"), at: now.adding(seconds: -800 * 86_400))
        let longAgo = now.adding(seconds: -800 * 86_400)
        let session = try store.createSession(title: "Old", badgeIDs: ["day-1"], expected: 5, at: longAgo)
        let code = try store.endSession(id: session.id, policy: CodePolicy(), at: longAgo)
        _ = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: try Claimant(name: "L", email: "l@example.org", consent: true),
                                                  newClaimID: "old-claim", at: longAgo))
        // Put off for ten days by a clock that ran fast when the issuer last failed.
        let item = try #require(try store.takeDueAwards(limit: 1, now: longAgo).first)
        try store.waitFor {
            store.record(item.id, .retry(error: "HTTP 503", ambiguous: true, nextAttempt: now.adding(seconds: 10 * 86_400)),
                         at: longAgo, completion: $0)
        }
        store.close()

        let (host, lines) = try Self.start(state)
        defer { host.stop(grace: 0) }
        let log = lines.all
        #expect(log.contains { $0.hasPrefix("badgekiosk: warning: the clock says ") && $0.contains("more than a year after") },
                "\(log)")
        #expect(log.contains { $0.hasPrefix("badgekiosk: outbox: 1 waiting award(s) were put off until more than 24 h") },
                "\(log)")
        let due = try #require(try host.store.nextDueTime())
        #expect(due <= Timestamp.now())
    }

    @Test func aRightClockStartsQuietly() throws {
        let state = try TestFolder.make() + "/state"
        let store = try KioskStore(directory: state)
        try store.upsertBadge(Badge(id: "day-1", name: "Day 1"))
        store.close()
        let (host, lines) = try Self.start(state)
        host.stop(grace: 0)
        #expect(!lines.all.contains { $0.contains("warning") || $0.contains("put off") }, "\(lines.all)")
    }

    /// The service on `state`, on a free loopback port, with its log lines kept.
    private static func start(_ state: String) throws -> (ServiceHost, LockedLines) {
        var configuration = ServiceConfiguration()
        configuration.stateDirectory = state
        configuration.listenHost = "127.0.0.1"
        configuration.listenPort = 0
        let lines = LockedLines()
        return (try ServiceHost(configuration: configuration) { lines.append($0) }, lines)
    }
}
