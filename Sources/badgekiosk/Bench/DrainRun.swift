import Foundation
import IssuerSimulator
import KioskCore
import KioskService
import KioskStore
import Posix

/// `bench drain`: N queued awards in a fresh store, a real `badgekiosk serve` child forwarding them
/// to an in-process issuer simulator, timed until the outbox is empty.
struct DrainRun {
    let awards: Int
    let faults: FaultSpec
    let concurrency: Int
    let executable: String
    let directory: String

    func run() throws -> String {
        let state = "\(directory)/state"
        try seed(state)
        var configuration = SimulatorConfiguration()
        configuration.faults = faults
        configuration.retryAfterSeconds = 1
        configuration.holdSeconds = 30
        let issuer = try BenchIssuer(configuration, directory: directory, settings: [
            "BADGEKIOSK_ISSUER_CONCURRENCY": String(concurrency), "BADGEKIOSK_ISSUER_TIMEOUT_SECONDS": "2",
        ])
        defer { issuer.shutdown() }
        let started = Date()
        let server = try ServiceProcess(executable: executable, stateDirectory: state, environment: issuer.environment)
        defer { server.stop() }
        _ = try server.awaitOutboxEmpty()
        let elapsed = Date().timeIntervalSince(started)
        let peak = BenchCommand.peakRSS(server)
        let received = issuer.simulator.awards
        let distinct = Set(received.map { "\($0.badge) \($0.email)" }).count
        return """
        drain: \(awards) awards in \(String(format: "%.2f", elapsed)) s = \(String(format: "%.0f", Double(awards) / elapsed)) \
        awards/s (concurrency \(concurrency), faults \(faults))
        issuer received \(received.count) award(s) for \(distinct) learner-badge pair(s): \
        \(received.count == awards && distinct == awards ? "each exactly once" : "NOT exactly once")
        server peak RSS: \(peak)
        """
    }

    /// One session with one badge, ended, and `awards` claims on its code, all committed.
    private func seed(_ state: String) throws {
        let store = try KioskStore(directory: state)
        defer { store.close() }
        let badge = SimulatedBadge.demoCatalogue[0]
        try store.upsertBadge(Badge(id: badge.id, name: badge.name, description: badge.description))
        let now = Timestamp.now()
        let session = try store.createSession(title: "Drain", badgeIDs: [badge.id], expected: awards, at: now)
        let code = try store.endSession(id: session.id, policy: CodePolicy(), at: now)
        let writes = WritesInFlight()
        var generator = SystemRandomNumberGenerator()
        for number in 0..<awards {
            let claimant = try Claimant(name: "Learner \(number)", email: "learner\(number)@drain.example", consent: true)
            writes.begin()
            store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant,
                                              newClaimID: RandomToken.claimID(at: now, using: &generator), at: now)) { result in
                if case .success(.created) = result { writes.end(ok: true) } else { writes.end(ok: false) }
            }
        }
        try writes.waitAll("seed \(awards) claims")
    }
}
