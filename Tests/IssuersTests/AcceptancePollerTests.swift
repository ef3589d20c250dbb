import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
@testable import KioskStore

/// The acceptance checks running against the simulator: their pace under faults, what they record,
/// and that they ask nothing they need not.
@Suite("Acceptance polling", .serialized)
struct AcceptancePollerTests {
    /// Checks every second from one second after sending, questions 0.1 s apart at least.
    static let settings = AcceptanceSettings(schedule: AcceptanceSchedule(firstCheck: 1, maxInterval: 1, window: 3600),
                                             minInterval: 0.1, batchSize: 8, idleInterval: 0.2,
                                             backoff: Backoff(base: 0.1, cap: 0.5), maxRetryAfter: 5, stopGrace: 1)

    static func isQuestion(_ request: SimulatedRequest) -> Bool {
        request.path.hasSuffix("/assertion") || request.path.hasPrefix("/v1/issued/")
    }

    static func accepted(_ store: KioskStore) throws -> Int {
        try store.writeAndWait { connection in
            let count = try connection.prepare("SELECT COUNT(*) FROM awards WHERE acceptance = 'accepted'")
            _ = try count.step()
            return count.int(at: 0)
        }
    }

    /// Sends `count` awards through the forwarder, then stops it, so every later request is the checks'.
    static func sentDrill(_ kind: IssuerKind, count: Int) throws -> Drill {
        let drill = try Drill(kind: kind) { $0.retryAfterSeconds = 1 }
        try drill.startForwarder()
        try drill.claim(count)
        try drill.awaitSettled(total: count)
        drill.forwarder?.stop()
        return drill
    }

    @Test(arguments: [IssuerKind.obf, .navigatr])
    func respectsItsRateUnderFaultsAndRecordsAcceptanceOnceTheyClear(kind: IssuerKind) throws {
        let drill = try Self.sentDrill(kind, count: 20)
        let before = drill.simulator.requests.count
        // Two slow-downs first, whatever the dice say, then a mix of 429s, 5xx and dropped connections.
        drill.simulator.failNext(.tooManyRequests, count: 2)
        drill.simulator.faults = try FaultSpec(parsing: "429:0.25,500:0.2,503:0.15,reset:0.05")
        for learner in 1...5 { drill.simulator.accept(email: "learner\(learner)@example.org") }
        let poller = AcceptancePoller(store: drill.store, issuer: makeIssuerAdapter(drill.settings), settings: Self.settings)
        poller.start()
        defer { poller.stop() }
        #expect(poller.isRunning)
        Thread.sleep(forTimeInterval: 4)
        drill.simulator.faults = .none
        for learner in 6...20 { drill.simulator.accept(email: "learner\(learner)@example.org") }
        let limit = Date().addingTimeInterval(60)
        while try Self.accepted(drill.store) < 20, Date() < limit { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try Self.accepted(drill.store) == 20)
        // Never more than needed: with every award accepted, nothing more is asked.
        let done = drill.simulator.requests.count
        Thread.sleep(forTimeInterval: 1.5)
        #expect(drill.simulator.requests.count == done)
        poller.stop()
        #expect(!poller.isRunning)

        let requests = Array(drill.simulator.requests[before...])
        let questions = requests.filter(Self.isQuestion)
        #expect(questions.filter { $0.status == 429 }.count >= 2 && questions.contains { $0.status >= 500 })
        // The bound, counted where the issuer receives: any k questions after one span k × 0.1 s at
        // least (less 50 ms for a request's way across loopback on a busy machine).
        for (index, question) in questions.enumerated() {
            for later in 1...20 where index + later < questions.count {
                #expect(questions[index + later].at - question.at >= Double(later) * 0.1 - 0.05,
                        "questions \(index) and \(index + later) came too close together")
            }
        }
        // A 429's Retry-After (1 s) holds every check back.
        for (index, question) in questions.enumerated() where question.status == 429 && index + 1 < questions.count {
            #expect(questions[index + 1].at - question.at >= 0.95)
        }
        // OBF signs in once (faults never touch the token endpoint); Navigatr has no sign-in.
        #expect(requests.count - questions.count == (kind == .obf ? 1 : 0))
        let tally = try #require(try drill.store.sessionFigures().first).tally
        #expect(tally.sent == 20 && tally.acceptanceKnown == 20 && tally.accepted == 20)
        // Sent stays sent.
        #expect(try drill.store.outboxSummary().counts[.sent] == 20)
    }

    @Test(arguments: [IssuerKind.obf, .navigatr])
    func pendingAwardsAreAskedAgainOnlyOnTheirSchedule(kind: IssuerKind) throws {
        let drill = try Self.sentDrill(kind, count: 3)
        let before = drill.simulator.requests.count
        var settings = Self.settings
        settings.schedule = AcceptanceSchedule(firstCheck: 1, maxInterval: 2, window: 3600)
        let poller = AcceptancePoller(store: drill.store, issuer: makeIssuerAdapter(drill.settings), settings: settings)
        poller.start()
        Thread.sleep(forTimeInterval: 3.5)
        poller.stop()
        let questions = drill.simulator.requests[before...].filter(Self.isQuestion)
        // Each of the 3 awards: at 1 s (or soon after), then a gap of at least its age then (1 s), then 2 s:
        // at most 2 questions each in 3.5 s, however fast the pace would allow.
        #expect(questions.count >= 3 && questions.count <= 6)
        let known = try #require(try drill.store.sessionFigures().first).tally
        #expect(known.acceptanceKnown == 3 && known.accepted == 0)
    }

    @Test func neverRunsForBadgrNorWithoutAnIssuer() throws {
        let drill = try Self.sentDrill(.badgr, count: 3)
        let before = drill.simulator.requests.count
        let poller = AcceptancePoller(store: drill.store, issuer: makeIssuerAdapter(drill.settings), settings: Self.settings)
        poller.start()
        #expect(!poller.isRunning)
        Thread.sleep(forTimeInterval: 1.5)
        poller.stop()
        #expect(drill.simulator.requests.count == before)
        #expect(try #require(try drill.store.sessionFigures().first).tally.acceptanceKnown == 0, "not known, never a guess")
        let none = AcceptancePoller(store: drill.store, issuer: nil, settings: Self.settings)
        none.start()
        #expect(!none.isRunning)
    }

    @Test func stopsPromptlyWhileTheIssuerHangs() throws {
        let drill = try Self.sentDrill(.obf, count: 2)
        drill.simulator.faults = try FaultSpec(parsing: "timeout:1")
        var settings = Self.settings
        settings.stopGrace = 0.5
        let poller = AcceptancePoller(store: drill.store, issuer: makeIssuerAdapter(drill.settings), settings: settings)
        poller.start()
        Thread.sleep(forTimeInterval: 1.5)
        let started = Date()
        poller.stop()
        #expect(Date().timeIntervalSince(started) < 2, "a stop waits no longer than its grace and a request's timeout")
        #expect(try Self.accepted(drill.store) == 0)
    }
}
