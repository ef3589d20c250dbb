import Foundation
import Issuers
import IssuerSimulator
import KioskCore
import KioskStore
import TestSupport
import Testing

/// A state folder seeded with claims, and the settings that point a child service at the simulator.
enum ChildProcess {
    /// A fresh folder with `state/` holding `claims` claims of one session with `badges` demo badges,
    /// and a private secret file for the simulator's default client.
    static func seededFolder(claims: Int, badges: Int, kind: IssuerKind = .obf) throws -> String {
        let folder = NSTemporaryDirectory() + "badgekiosk-issuers-\(UUID().uuidString)"
        let store = try KioskStore(directory: "\(folder)/state")
        defer { store.close() }
        try store.upsertBadges(Drill.badges(for: kind))
        let session = try store.createSession(title: "Crash", badgeIDs: Drill.badges(for: kind).prefix(badges).map(\.id),
                                              expected: claims, at: .now())
        let code = try store.endSession(id: session.id, policy: CodePolicy(), at: .now())
        for number in 0..<claims {
            let claimant = try Claimant(name: "Learner \(number)", email: "learner\(number)@example.org", consent: true)
            _ = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant, newClaimID: "claim-\(number)", at: .now()))
        }
        SimulatorSettings.writeSecret(to: "\(folder)/secret")
        return folder
    }

    /// The settings that point a child service at `port` with short timeouts and backoffs.
    /// `tls`, when given, stands in front of the simulator and its certificate is trusted.
    static func environment(folder: String, port: Int, kind: String = "obf", tls: TLSFront? = nil) -> [String: String] {
        var settings = SimulatorSettings.environment(url: tls?.url ?? "http://127.0.0.1:\(port)",
                                                     secretFile: "\(folder)/secret", kind: kind)
        if let tls { settings["BADGEKIOSK_ISSUER_CA_FILE"] = tls.caFile }
        return settings
    }

    /// Award counts by state, read straight from the database file (the service may be running).
    static func counts(_ state: String) throws -> [String: Int] {
        let connection = try Connection.open(path: "\(state)/\(KioskStore.fileName)", readOnly: true)
        defer { connection.close() }
        let rows = try connection.prepare("SELECT state, COUNT(*) FROM awards GROUP BY state")
        var counts: [String: Int] = [:]
        while try rows.step() { counts[rows.text(at: 0) ?? ""] = rows.int(at: 1) }
        return counts
    }
}
