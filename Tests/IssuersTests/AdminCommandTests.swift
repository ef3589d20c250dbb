import Foundation
import Issuers
import IssuerSimulator
import KioskCore
import KioskService
import KioskStore
import Posix
import TestSupport
import Testing

/// `doctor`, `status`, `backup` and `restore` as an admin runs them: the built binary, a real state
/// folder, the simulator as the issuer and a real `serve` child.
@Suite("The admin's commands", .serialized)
struct AdminCommandTests {
    /// A simulator on a free port; `clockOffset` seconds puts its clock ahead (or behind).
    private func simulator(clockOffset: Double = 0) throws -> (IssuerSimulator, Int) {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.clockOffset = clockOffset
        let simulator = IssuerSimulator(configuration: configuration)
        return (simulator, try simulator.start())
    }

    /// The settings for `doctor` on `folder`: the simulator as issuer, loopback only, and no systemctl
    /// on the PATH, so the lines do not depend on the machine the tests run on.
    private func doctorEnvironment(folder: String, port: Int) -> [String: String] {
        var environment = ChildProcess.environment(folder: folder, port: port)
        environment["BADGEKIOSK_STATE_DIR"] = "\(folder)/state"
        environment["BADGEKIOSK_LISTEN"] = "127.0.0.1:0"
        environment["PATH"] = "/nonexistent"
        return environment
    }

    @Test func doctorOnAFreshKioskPassesAndSaysWhatItSkipped() throws {
        let (simulator, port) = try simulator()
        defer { simulator.shutdown() }
        let folder = try ChildProcess.seededFolder(claims: 0, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BuiltBinary.run(["doctor"], environment: doctorEnvironment(folder: folder, port: port))
        #expect(result.status == 0, "\(result.out)\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("ok    settings      /dev/null loads."))
        #expect(lines.contains("ok    state folder  \(folder)/state is there and the service's user can write in it."))
        #expect(lines.contains("ok    database      passes its check (1 session, 0 claims)."))
        #expect(lines.contains { $0.hasPrefix("ok    disk space    ") })
        #expect(lines.contains("ok    outbox        nothing is waiting."))
        #expect(lines.contains("ok    issuer        Open Badge Factory answers at http://127.0.0.1:\(port)."))
        #expect(lines.contains("ok    sign-in       the issuer accepted the kiosk's credentials and listed 5 badges."))
        #expect(lines.contains { $0.hasPrefix("ok    clock         this kiosk's clock ") })
        #expect(lines.contains { $0.hasPrefix("warn  claim link    the service listens on 127.0.0.1 only") })
        #expect(lines.contains("skip  service       skipped: systemctl is not on this machine."))
        #expect(lines.contains("skip  front         skipped: systemctl is not on this machine."))
        #expect(lines.contains("skip  console font  skipped: not on the kiosk's console."))
        #expect(lines.last?.hasPrefix("Nothing failed.") == true)
    }

    @Test func doctorFailsTheSignInWithAWrongSecretAndTheClockFarFromTheIssuers() throws {
        let (simulator, port) = try simulator(clockOffset: -600)
        defer { simulator.shutdown() }
        let folder = try ChildProcess.seededFolder(claims: 0, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not-the-secret\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/secret"))
        let result = try BuiltBinary.run(["doctor"], environment: doctorEnvironment(folder: folder, port: port))
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("ok    issuer        Open Badge Factory answers at http://127.0.0.1:\(port)."))
        #expect(lines.contains { $0.hasPrefix("FAIL  sign-in       the issuer refused the client secret") })
        #expect(lines.contains { $0.hasPrefix("FAIL  clock         this kiosk's clock is 10 min ahead of the issuer's.") })
        #expect(result.err == "badgekiosk: 2 checks failed: fix them from the top, then run 'badgekiosk doctor' again. 1 warning.\n")
        #expect(!result.out.contains("not-the-secret"))
    }

    @Test func doctorReportsABadSettingsFileAsItsLine() throws {
        let folder = NSTemporaryDirectory() + "badgekiosk-doctor-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("[service]\nlisten = nowhere\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/badgekiosk.conf"))
        let result = try BuiltBinary.run(["doctor", "--config", "\(folder)/badgekiosk.conf"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.out.hasPrefix("FAIL  settings      \(folder)/badgekiosk.conf:2: listen: "))
        #expect(result.out.contains("skip  database      skipped: the settings did not load."))
    }

    @Test func statusShowsTheSeededStoreOnOneScreen() throws {
        let folder = try ChildProcess.seededFolder(claims: 3, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BuiltBinary.run(["status", "--state-dir", "\(folder)/state"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count <= 24)
        #expect(lines.first?.hasPrefix("badgekiosk ") == true)
        #expect(lines.contains("Today: 1 session, 3 claims. In all: 1 session, 3 claims."))
        #expect(lines.contains("Outbox: 3 waiting, 0 being sent, 0 sent, 0 refused, 0 unsure."))
        #expect(lines.contains { $0.hasPrefix("The oldest waiting award has waited ") })
        #expect(lines.contains("Issuer: none is set, so awards wait until one is."))
        #expect(lines.contains("Last problem: none."))
        #expect(lines.contains { $0.hasPrefix("Claim link: http://") })
    }

    /// A backup taken while a `serve` child takes claims holds every claim acknowledged before it
    /// began; `restore` is refused while the service runs and puts it back once it is stopped.
    @Test func backupWhileServingThenRestoreAfterStopping() throws {
        let folder = NSTemporaryDirectory() + "badgekiosk-backup-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = "\(folder)/state", file = "\(folder)/copy.sqlite"
        let (sessionID, code) = try openSession(in: state)
        let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state)
        let client = Claimer(port: service.port, token: try service.staffToken(), code: code)
        let writer = Thread { client.claimUntilStopped() }
        writer.start()
        let limit = Date().addingTimeInterval(60)
        while client.acknowledged.count < 20, Date() < limit { usleep(1000) }
        let before = client.acknowledged
        let backup = try BuiltBinary.run(["backup", file, "--state-dir", state])
        #expect(backup.status == 0, "\(backup.err)")
        #expect(backup.out.hasPrefix("Backed up the database in \(state) to \(file): 1 session(s), "))

        let refused = try BuiltBinary.run(["restore", file, "--state-dir", state, "--yes"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("stop it first: sudo systemctl stop badgekiosk badgekiosk-front"))
        client.stop()
        while !client.finished, Date() < limit { usleep(1000) }
        #expect(service.stop() == 0)

        let restored = try BuiltBinary.run(["restore", file, "--state-dir", state, "--yes"])
        #expect(restored.status == 0, "\(restored.err)")
        #expect(restored.out.hasPrefix("The backup \(file) holds 1 session(s), "))
        let kept = try #require(restored.out.split(separator: "\n").first { $0.hasPrefix("The database it replaced is kept as ") })
        #expect(FileManager.default.fileExists(atPath: String(kept.dropFirst("The database it replaced is kept as ".count).dropLast())))
        let store = try KioskStore(directory: state)
        defer { store.close() }
        let ids = Set(try store.claims(sessionID: sessionID).map(\.id))
        #expect(before.isSubset(of: ids), "missing \(before.subtracting(ids).count) acknowledged claim(s)")
    }

    @Test func restoreAwayFromATerminalNeedsYesAndAnExistingBackup() throws {
        let folder = try ChildProcess.seededFolder(claims: 1, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let backup = try BuiltBinary.run(["backup", "\(folder)/copy.sqlite", "--state-dir", "\(folder)/state"])
        #expect(backup.status == 0)
        // Standard input is an empty pipe: not a terminal, so nobody can be asked.
        let unasked = try BuiltBinary.run(["restore", "\(folder)/copy.sqlite", "--state-dir", "\(folder)/state"], input: "")
        #expect(unasked.status == 2)
        #expect(unasked.err.contains("add --yes to restore without asking"))
        let missing = try BuiltBinary.run(["restore", "\(folder)/nothing.sqlite", "--state-dir", "\(folder)/state", "--yes"])
        #expect(missing.status == 1 && missing.err.contains("There is no backup file"))
    }

    /// A state folder with a badge and an ended session: its id and its QR code's token.
    private func openSession(in state: String) throws -> (Int64, String) {
        let store = try KioskStore(directory: state)
        defer { store.close() }
        try store.upsertBadges(Drill.badges)
        let session = try store.createSession(title: "Backup", badgeIDs: [Drill.badges[0].id], expected: 1000, at: .now())
        return (session.id, try store.endSession(id: session.id, policy: CodePolicy(), at: .now()).token)
    }
}

/// Claims one learner after another on a `serve` child, with the staff token, until stopped;
/// remembers each claim the service acknowledged (201).
private final class Claimer: Sendable {
    private let port: Int
    private let token: String
    private let code: String
    private let state = Locked<(ids: Set<String>, stop: Bool, finished: Bool)>(([], false, false))

    init(port: Int, token: String, code: String) {
        self.port = port
        self.token = token
        self.code = code
    }

    var acknowledged: Set<String> { state.withLock { $0.ids } }
    var finished: Bool { state.withLock { $0.finished } }

    func stop() {
        state.withLock { $0.stop = true }
    }

    func claimUntilStopped() {
        let http = IssuerHTTP()
        var learner = 0
        while !state.withLock({ $0.stop }) {
            learner += 1
            let body: [String: Any] = ["code": code, "name": "Learner", "email": "learner\(learner)@example.org", "consent": true]
            let answer = http.exchange(IssuerRequest.json("POST", "/api/v1/claims", body, token: token),
                                       baseURL: "http://127.0.0.1:\(port)", timeout: 5)
            if case let .success(reply) = answer, reply.status == 201,
               let id = (reply.object?["claim"] as? [String: Any])?["id"] as? String {
                state.withLock { _ = $0.ids.insert(id) }
            }
        }
        state.withLock { $0.finished = true }
    }
}
