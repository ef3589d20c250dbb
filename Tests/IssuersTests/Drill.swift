import Foundation
import Testing
import Posix
@testable import Issuers
import IssuerSimulator
import KioskCore
@testable import KioskStore

/// A forwarding drill: a real store in a fresh folder, the simulator on a loopback port, a forwarder
/// between them with short timeouts and backoffs so fault drills finish in seconds.
final class Drill: @unchecked Sendable {
    static let badges = SimulatedBadge.demoCatalogue.map { Badge(id: $0.id, name: $0.name, description: $0.description) }

    let folder: String
    let store: KioskStore
    var simulator: IssuerSimulator
    let port: Int
    let kind: IssuerKind
    private(set) var forwarder: Forwarder?
    let changed = NSCondition()
    private let code: ClaimCode
    private let learners = Locked(0)

    /// `folder` is where the store lives: a fresh temporary folder unless given.
    init(kind: IssuerKind = .obf, badgesPerClaim: Int = 1, expected: Int = 1000, startSimulator: Bool = true,
         folder: String? = nil, simulator configure: (inout SimulatorConfiguration) -> Void = { _ in }) throws {
        self.folder = folder ?? NSTemporaryDirectory() + "badgekiosk-issuers-\(UUID().uuidString)"
        store = try KioskStore(directory: self.folder)
        try store.upsertBadges(Self.badges)
        let session = try store.createSession(title: "Drill", badgeIDs: Self.badges.prefix(badgesPerClaim).map(\.id),
                                              expected: expected, at: .now())
        code = try store.endSession(id: session.id, policy: CodePolicy(), at: .now())
        self.kind = kind
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.seed = 2024
        configuration.retryAfterSeconds = 0
        configuration.slowSeconds = 0.05
        configuration.holdSeconds = 5
        configure(&configuration)
        simulator = IssuerSimulator(configuration: configuration)
        port = try simulator.start()
        if !startSimulator { simulator.shutdown() }
    }

    deinit {
        forwarder?.stop()
        simulator.shutdown()
        store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    var settings: IssuerSettings {
        IssuerSettings(kind: kind, baseURL: "http://127.0.0.1:\(port)", clientID: "demo", clientSecret: "demo-secret",
                       timeoutSeconds: 0.3, venueName: "Drill Hall", minTokenInterval: 0.05)
    }

    /// Starts the forwarder; `concurrency` workers, backoff capped at 50 ms.
    @discardableResult
    func startForwarder(concurrency: Int = 4, cap: Double = 0.05) throws -> Forwarder {
        let changed = changed
        let forwarder = Forwarder(store: store, issuer: makeIssuerAdapter(settings),
                                  settings: ForwarderSettings(concurrency: concurrency, backoff: Backoff(base: 0.01, cap: cap),
                                                              retentionDays: nil),
                                  onChange: { _ in changed.lock(); changed.broadcast(); changed.unlock() })
        try forwarder.start()
        self.forwarder = forwarder
        return forwarder
    }

    /// Stores `count` new claims (one award per badge each) and wakes the forwarder.
    func claim(_ count: Int) throws {
        for _ in 0..<count {
            let number = learners.withLock { value in
                value += 1
                return value
            }
            let claimant = try Claimant(name: "Learner \(number)", email: "Learner\(number)@Example.org", consent: true)
            _ = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant,
                                                      newClaimID: "claim-\(number)-\(UUID().uuidString)", at: .now()))
        }
        forwarder?.wake()
    }

    /// Waits until nothing is queued or being sent and `total` awards are sent or failed.
    /// The 120 s limit only stops a hung drill; nothing here measures speed.
    func awaitSettled(total: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let limit = Date().addingTimeInterval(120)
        changed.lock()
        defer { changed.unlock() }
        while true {
            let counts = try store.outboxSummary().counts
            if counts[.queued] == 0, counts[.sending] == 0, (counts[.sent] ?? 0) + (counts[.failed] ?? 0) == total { return }
            guard Date() < limit else {
                Issue.record("the outbox did not settle: \(counts)", sourceLocation: sourceLocation)
                return
            }
            _ = changed.wait(until: Date().addingTimeInterval(0.2))
        }
    }

    /// Every award of the store, with its learner's email: (badge, email, state, issuer ref).
    func storedAwards() throws -> [(badge: String, email: String, state: String, reference: String?)] {
        let connection = try Connection.open(path: store.path, readOnly: true)
        defer { connection.close() }
        let rows = try connection.prepare("""
            SELECT a.badge_id, c.email, a.state, a.issuer_ref FROM awards a JOIN claims c ON c.id = a.claim_id ORDER BY a.id
            """)
        var awards: [(badge: String, email: String, state: String, reference: String?)] = []
        while try rows.step() {
            awards.append((rows.text(at: 0) ?? "", rows.text(at: 1) ?? "", rows.text(at: 2) ?? "", rows.text(at: 3)))
        }
        return awards
    }

    /// Every stored award is sent, and the issuer holds exactly one award per (badge, recipient), under the id stored.
    func expectExactlyOnce(_ expected: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = try storedAwards()
        #expect(stored.count == expected, sourceLocation: sourceLocation)
        #expect(stored.allSatisfy { $0.state == "sent" }, sourceLocation: sourceLocation)
        let held = Dictionary(grouping: simulator.awards) { "\($0.badge) \($0.email)" }
        #expect(held.count == expected, sourceLocation: sourceLocation)
        #expect(held.values.allSatisfy { $0.count == 1 }, "some learner got a badge twice", sourceLocation: sourceLocation)
        for award in stored {
            #expect(held["\(award.badge) \(award.email)"]?.first?.id == award.reference, sourceLocation: sourceLocation)
        }
    }
}
