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
    static let badges = badges(for: .obf)

    /// The simulator's catalogue under the ids `kind` knows its badges by (Navigatr numbers them).
    static func badges(for kind: IssuerKind) -> [Badge] {
        SimulatedBadge.demoCatalogue.map { badge in
            Badge(id: kind == .navigatr ? String(badge.navigatrID) : badge.id, name: badge.name, description: badge.description)
        }
    }

    let folder: String
    let store: KioskStore
    var simulator: IssuerSimulator
    let port: Int
    let kind: IssuerKind
    private(set) var forwarder: Forwarder?
    /// https in front of the simulator, when the drill runs over TLS.
    private(set) var tls: TLSFront?
    /// The secret (Navigatr: the access token) the kiosk uses, when it is not the one the simulator takes.
    var issuerSecret: String?
    let changed = NSCondition()
    private let code: ClaimCode
    private let learners = Locked(0)

    /// `folder` is where the store lives: a fresh temporary folder unless given.
    init(kind: IssuerKind = .obf, badgesPerClaim: Int = 1, expected: Int = 1000, startSimulator: Bool = true,
         overTLS: Bool = false, folder: String? = nil,
         simulator configure: (inout SimulatorConfiguration) -> Void = { _ in }) throws {
        self.folder = folder ?? NSTemporaryDirectory() + "badgekiosk-issuers-\(UUID().uuidString)"
        store = try KioskStore(directory: self.folder)
        try store.upsertBadges(Self.badges(for: kind))
        let session = try store.createSession(title: "Drill", badgeIDs: Self.badges(for: kind).prefix(badgesPerClaim).map(\.id),
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
        if overTLS { tls = try TLSFront(backendPort: port) }
    }

    deinit {
        forwarder?.stop()
        simulator.shutdown()
        store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// For Navigatr the client id is the provider's number and the secret the access token.
    var settings: IssuerSettings {
        let clientID = kind == .navigatr ? String(simulator.configuration.navigatrProviderID) : simulator.configuration.clientID
        return IssuerSettings(kind: kind, baseURL: tls?.url ?? "http://127.0.0.1:\(port)", clientID: clientID,
                              clientSecret: issuerSecret ?? simulator.configuration.clientSecret,
                              timeoutSeconds: tls == nil ? 0.3 : 1, venueName: "Drill Hall", minTokenInterval: 0.05,
                              caFile: tls?.caFile)
    }

    /// Starts the forwarder; `concurrency` workers, backoff capped at 50 ms. An unanswered attempt is
    /// looked up only after 1 s, as the service waits one issuer timeout: the simulator's slow answers
    /// store their award late, and on a busy machine later than the drill's 0.3 s timeout.
    @discardableResult
    func startForwarder(concurrency: Int = 4, cap: Double = 0.05) throws -> Forwarder {
        let changed = changed
        let forwarder = Forwarder(store: store, issuer: makeIssuerAdapter(settings),
                                  settings: ForwarderSettings(concurrency: concurrency, backoff: Backoff(base: 0.01, cap: cap),
                                                              retentionDays: nil, recoveryDelay: 1),
                                  onChange: { _ in changed.lock(); changed.broadcast(); changed.unlock() })
        try forwarder.start()
        self.forwarder = forwarder
        return forwarder
    }

    /// Stores `count` new claims (one award per badge each) and, unless told not to, wakes the forwarder.
    func claim(_ count: Int, wake: Bool = true) throws {
        for _ in 0..<count {
            let number = learners.withLock { value in
                value += 1
                return value
            }
            let claimant = try Claimant(name: "Learner \(number)", email: "Learner\(number)@Example.org", consent: true)
            _ = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant,
                                                      newClaimID: "claim-\(number)-\(UUID().uuidString)", at: .now()))
        }
        if wake { forwarder?.wake() }
    }

    /// Waits until nothing is queued or being sent and `total` awards are sent, failed or unsure
    /// (waiting for staff). The 120 s limit only stops a hung drill; nothing here measures speed.
    func awaitSettled(total: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let limit = Date().addingTimeInterval(120)
        changed.lock()
        defer { changed.unlock() }
        while true {
            let counts = try store.outboxSummary().counts
            let settled = [Award.State.sent, .failed, .unsure].reduce(0) { $0 + (counts[$1] ?? 0) }
            if counts[.queued] == 0, counts[.sending] == 0, settled == total { return }
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

    /// Every stored award is sent, and the issuer holds exactly one award per (badge, recipient), under
    /// the id stored (or one staff confirmed they saw there).
    func expectExactlyOnce(_ expected: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = try storedAwards()
        #expect(stored.count == expected, sourceLocation: sourceLocation)
        #expect(stored.allSatisfy { $0.state == "sent" }, sourceLocation: sourceLocation)
        let held = heldAwards()
        #expect(held.count == expected, sourceLocation: sourceLocation)
        #expect(held.values.allSatisfy { $0.count == 1 }, "some learner got a badge twice", sourceLocation: sourceLocation)
        for award in stored where award.reference != KioskStore.confirmedByStaff {
            #expect(held["\(award.badge) \(award.email)"]?.first?.id == award.reference, sourceLocation: sourceLocation)
        }
    }

    /// The simulator's awards by "badge email".
    func heldAwards() -> [String: [SimulatedAward]] {
        Dictionary(grouping: simulator.awards) { "\($0.badge) \($0.email)" }
    }

    /// Does what staff do for each unsure award: look at the issuer's own list (here the simulator's),
    /// then choose It arrived when the award is there and Send again when it is not. Returns how many
    /// of each.
    @discardableResult
    func settleAsStaff() throws -> (arrived: Int, resent: Int) {
        let held = heldAwards()
        var tally = (arrived: 0, resent: 0)
        for award in try store.unsureAwards(limit: 100_000) {
            let there = held["\(award.badgeID) \(award.email ?? "")"] != nil
            #expect(try store.settleUnsure(award.id, there ? .arrived : .resend, at: .now()) == .settled(there ? .sent : .queued))
            if there { tally.arrived += 1 } else { tally.resent += 1 }
        }
        forwarder?.wake()
        return tally
    }
}
