import Foundation
import Issuers
import IssuerSimulator
import KioskCore
import KioskStore
import Testing

/// The built `badgekiosk` binary beside the test bundle, and a state folder seeded with claims.
enum ChildProcess {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("badgekiosk").path
    }

    /// Runs the binary to completion: exit status, stdout and stderr.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    input: String? = nil) throws -> (status: Int32, out: String, err: String) {
        var childEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BADGEKIOSK_") }
        childEnvironment["BADGEKIOSK_CONFIG"] = "/dev/null"
        childEnvironment.merge(environment) { $1 }
        return try runTool(binary, arguments, environment: childEnvironment, input: input)
    }

    /// Runs any program to completion: exit status, stdout and stderr.
    static func runTool(_ path: String, _ arguments: [String],
                        environment: [String: String]? = nil, input: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let feed = input.map { _ in Pipe() }
        if let feed { process.standardInput = feed }
        try process.run()
        if let feed, let input {
            feed.fileHandleForWriting.write(Data(input.utf8))
            try feed.fileHandleForWriting.close()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

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
        _ = FileManager.default.createFile(atPath: "\(folder)/secret", contents: Data("demo-secret\n".utf8),
                                       attributes: [.posixPermissions: 0o600])
        return folder
    }

    /// The settings that point a child service at `port` with short timeouts and backoffs.
    /// `tls`, when given, stands in front of the simulator and its certificate is trusted.
    static func environment(folder: String, port: Int, kind: String = "obf", tls: TLSFront? = nil) -> [String: String] {
        var settings = ["BADGEKIOSK_ISSUER": kind, "BADGEKIOSK_ISSUER_URL": tls?.url ?? "http://127.0.0.1:\(port)",
         "BADGEKIOSK_ISSUER_CLIENT_ID": "demo", "BADGEKIOSK_ISSUER_CLIENT_SECRET_FILE": "\(folder)/secret",
         "BADGEKIOSK_ISSUER_TIMEOUT_SECONDS": "1", "BADGEKIOSK_ISSUER_MAX_BACKOFF_SECONDS": "1"]
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
