import Foundation
import KioskCore
import KioskStore

/// Fills a store with years of a busy kiosk's claims before a benchmark, through the store itself.
///
/// The claims go in as the service makes them (`submitClaim`, group-committed a thousand at a time),
/// the issuer takes every award (`takeDueAwards`, then `record(.sent)`), and the retention purge
/// erases the names and emails older than its window, so the file has the shape of a kiosk that has
/// run for years: every row kept, few personal details, an outbox that is empty again.
struct StorePrefill {
    /// Learners in each prefilled session, as on a course.
    static let claimsPerSession = 25

    let claims: Int
    let badgeIDs: [String]
    /// How far back the first prefilled claim is.
    var span: Duration = .seconds(3 * 365 * 86_400)

    /// Fills the store in `state`; returns the seconds it took.
    func run(state: String, now: Timestamp = .now()) throws -> Double {
        let started = Date()
        let store = try KioskStore(directory: state)
        defer { store.close() }
        let spanMilliseconds = span.components.seconds * 1000
        let stepMilliseconds = max(1, spanMilliseconds / Int64(max(1, claims)))
        let first = now.milliseconds - spanMilliseconds
        var generator = SystemRandomNumberGenerator()
        let writes = WritesInFlight()
        var made = 0
        while made < claims {
            let at = Timestamp(milliseconds: first + Int64(made) * stepMilliseconds)
            let size = min(Self.claimsPerSession, claims - made)
            let session = try store.createSession(title: "Prefilled \(made / Self.claimsPerSession + 1)",
                                                  badgeIDs: badgeIDs, expected: size, at: at)
            let code = try store.endSession(id: session.id, policy: CodePolicy(), at: at)
            for learner in made..<(made + size) {
                let claimant = try Claimant(name: "Learner \(learner)", email: "learner\(learner)@prefill.example",
                                            consent: true)
                let claimedAt = Timestamp(milliseconds: at.milliseconds + Int64(learner - made))
                writes.begin()
                store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant,
                                                  newClaimID: RandomToken.claimID(at: claimedAt, using: &generator),
                                                  at: claimedAt)) {
                    if case .success(.created) = $0 { writes.end(ok: true) } else { writes.end(ok: false) }
                }
            }
            made += size
        }
        try writes.waitAll("store the prefilled claims")
        try sendEverything(store, now: now, writes: writes)
        _ = try store.purgePersonalData(olderThanDays: 30, at: now)
        return Date().timeIntervalSince(started)
    }

    /// Every queued award marked sent, as if the issuer had taken them all.
    private func sendEverything(_ store: KioskStore, now: Timestamp, writes: WritesInFlight) throws {
        while true {
            let due = try store.takeDueAwards(limit: 5000, now: now)
            if due.isEmpty { break }
            for item in due {
                writes.begin()
                store.record(item.id, .sent(reference: "prefill-\(item.id)"), at: item.claimedAt) {
                    if case .success = $0 { writes.end(ok: true) } else { writes.end(ok: false) }
                }
            }
            try writes.waitAll("mark the prefilled awards sent")
        }
    }
}
