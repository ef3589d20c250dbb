@preconcurrency import Glibc
import Foundation
import HTTPCore
import HTTPKit
import IssuerSimulator
import KioskCore
import KioskService
import KioskStore
import TestSupport
import Testing
import TerminalUI

/// The real `badgekiosk front` in a real pty, read through a screen replica.
final class FrontInPTY {
    let pty: PseudoTerminal
    var replica: ScreenReplica
    var output: [UInt8] = []

    init(command: String = "front", arguments: [String], environment: [String: String],
         size: TerminalSize = .standard) throws {
        var environment = environment
        environment["TERM"] = "xterm"
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        pty = try PseudoTerminal(executable: BuiltBinary.path, arguments: [command] + arguments, environment: environment, size: size)
        replica = ScreenReplica(size: size)
    }

    /// `badgekiosk demo` with Open Badge Factory's stand-in, its state in `directory`, on a free port.
    static func demo(in directory: String) throws -> FrontInPTY {
        try FrontInPTY(command: "demo", arguments: ["--state-dir", "\(directory)/demo", "--issuer", "obf", "--listen", "127.0.0.1:0"],
                       environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
    }

    /// Reads until the screen shows `text`; false if it has not after `seconds` (a hang, not a speed
    /// check: with the whole suite running on two cores, a screen that waits on the service and on
    /// espeak-ng has been seen to take over 15 s).
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 30) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !replica.text.contains(text) {
            guard Date() < deadline else { return false }
            let bytes = try pty.read(timeoutMilliseconds: 200)
            output += bytes
            replica.apply(bytes)
        }
        return true
    }

    func type(_ text: String) throws {
        try pty.send(text)
    }

    /// For each (screen, keys): waits for the screen, then types the keys. False, with the screen
    /// recorded as a test issue, when one never shows.
    func walk(_ steps: [(screen: String, keys: String)]) throws -> Bool {
        for (screen, keys) in steps {
            guard try waitFor(screen) else {
                Issue.record("never showed '\(screen)'; screen was:\n\(replica.text)")
                return false
            }
            try type(keys)
        }
        return true
    }
}

@Suite("The front in a real terminal", .serialized)
struct FrontProcessTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "badgekiosk-front-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aVolunteerEndsASessionAndALearnerClaimsWithANonASCIIName() throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let badge = try #require(SimulatedBadge.demoCatalogue.first)
        let state = "\(directory)/state"
        do {
            let store = try KioskStore(directory: state)
            try store.upsertBadge(Badge(id: badge.id, name: badge.name))
            store.close()
        }
        var simulatorSettings = SimulatorConfiguration()
        simulatorSettings.port = 0
        let simulator = IssuerSimulator(configuration: simulatorSettings)
        _ = try simulator.start()
        defer { simulator.shutdown() }
        let secret = "\(directory)/issuer-secret"
        try simulatorSettings.clientSecret.write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o600)
        let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state, environment: [
            "BADGEKIOSK_ISSUER": "obf", "BADGEKIOSK_ISSUER_URL": try #require(simulator.url),
            "BADGEKIOSK_ISSUER_CLIENT_ID": simulatorSettings.clientID, "BADGEKIOSK_ISSUER_CLIENT_SECRET_FILE": secret,
        ])
        defer { service.stop() }

        // A session already running, started over the API; the volunteer ends it at the front.
        let token = try String(contentsOfFile: "\(state)/\(StaffToken.fileName)", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let client = try HTTPClient(host: "127.0.0.1", port: service.port)
        let staff = HTTPHeaders([("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")])
        let started = try client.send(method: "POST", path: "/api/v1/sessions", headers: staff,
                                      body: Array(#"{"title":"Intro to Work - Day 1","badges":["\#(badge.id)"],"expected":12}"#.utf8))
        #expect(started.status == 201)

        let front = try FrontInPTY(arguments: ["--service", "http://127.0.0.1:\(service.port)", "--state-dir", state],
                                   // Speaking each screen: with no sound device espeak-ng fails, and nothing shows.
                                   environment: ["BADGEKIOSK_CONFIG": "/dev/null", "BADGEKIOSK_PIN": "2468",
                                                 "BADGEKIOSK_SPEAK_SCREENS": "yes"])
        let steps: [(String, String)] = [
            ("Press Enter to start", "\u{1B}OQ"), ("Type the volunteer PIN", "2468\r"), ("1. Start a session", "2"),
            // The session's row, not just the question: Enter on a list still empty chooses nothing.
            ("Intro to Work - Day 1  (", "\r"), ("Scan to collect your badge", "\r"), ("Were you at this session?", "\r"),
            ("What is your first name?", "Олена\r"), ("What is your email address?", "olena@example.com\r"),
            ("Is this right?", "\r"), ("Is that OK?", "\r"),
        ]
        guard try front.walk(steps) else { return }
        #expect(try front.waitFor("Well done, Олена! We are sending your badge now."))

        // Stored by the service: the session counts the claim.
        let session = try client.send(method: "GET", path: "/api/v1/sessions/1", headers: staff)
        let json = try JSONSerialization.jsonObject(with: Data(session.body)) as? [String: Any]
        #expect((json?["session"] as? [String: Any])?["claimed"] as? Int == 1)

        // Forwarded by the outbox to the issuer (here the simulator), with the name as typed.
        let deadline = Date().addingTimeInterval(20)
        while simulator.awards.isEmpty && Date() < deadline { usleep(50_000) }
        let award = simulator.awards.first
        #expect(award?.name == "Олена")
        #expect(award?.email == "olena@example.com")
        #expect(award?.badge == badge.id)

        // SIGTERM: the front's handler puts the terminal back before the process ends.
        #expect(try !front.pty.isCooked())
        front.pty.signal(SIGTERM)
        let status = front.pty.wait()
        #expect(status & 0x7F == SIGTERM)
        #expect(try front.pty.isCooked())
        front.output += (try? front.pty.read(timeoutMilliseconds: 100)) ?? []
        #expect(String(decoding: front.output, as: UTF8.self).contains("\u{1B}[?25h"))
    }

    @Test func learnersCannotQuitWithControlKeysAndAResizeRedraws() throws {
        let front = try FrontInPTY(arguments: ["--service", "http://127.0.0.1:9"],
                                   environment: ["BADGEKIOSK_CONFIG": "/dev/null", "BADGEKIOSK_STATE_DIR": "/nonexistent"])
        #expect(try front.waitFor("This machine has a problem. Please ask a volunteer."))
        // Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-D reach the front as keys (no signals) and do nothing.
        try front.type("\u{03}\u{1A}\u{1C}\u{04}q\u{1B}")
        try front.pty.resize(TerminalSize(columns: 120, rows: 33))
        front.replica = ScreenReplica(size: TerminalSize(columns: 120, rows: 33))
        #expect(try front.waitFor("This machine has a problem."))
        #expect(kill(front.pty.pid, 0) == 0)
        front.pty.signal(SIGHUP)
        front.pty.wait()
        #expect(try front.pty.isCooked())
    }

    /// In the demo, from its first screen: a volunteer starts "Intro to Work - Day 4" and ends it, and its QR code shows.
    static let startAndEndDay4: [(String, String)] = {
        let down = "\u{1B}[B"
        return [
            ("type the PIN 1234", "\u{1B}OQ"), ("Type the volunteer PIN", "1234\r"), ("1. Start a session", "\r"),
            ("What is the session called?", "Intro to Work - Day 4\r"), ("Intro to Work — Day 4", down + down + down + down + " \r"),
            ("How many learners do you expect?", "3\r"), ("Session started", down + "\r"),
            // The new session, not just the page: Enter before the list has loaded would pick nothing.
            ("Intro to Work - Day 4  (0 of 3 claimed)", "\r"),
        ]
    }()

    /// `badgekiosk demo` from nothing, with the stand-in playing each issuer: the simulator's catalogue
    /// reaches the volunteer's badge list, a claim at the kiosk reaches the simulator, and Quit stops
    /// everything with exit code 0.
    @Test(arguments: [("obf", "POST /v1/badge/demo/intro-to-work-day-4 201", "Open Badge Factory"),
                      ("navigatr", "PUT /v1/badge/3428/issue 200", "Navigatr")])
    func theDemoRunsAClaimEndToEndAndQuitsCleanly(issuer: String, sent: String, name: String) throws {
        let directory = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let demo = try FrontInPTY(command: "demo", arguments: ["--state-dir", "\(directory)/demo", "--issuer", issuer,
                                                                  "--listen", "127.0.0.1:0"],
                                  environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        let claim: [(String, String)] = Self.startAndEndDay4 + [
            ("Scan to collect your badge", "\r"), ("Were you at this session?", "\r"), ("What is your first name?", "Zoë\r"),
            ("What is your email address?", "zoe@example.com\r"), ("Is this right?", "\r"), (name, ""), ("Is that OK?", "\r"),
            ("Well done, Zoë!", "\r"),
        ]
        let quit: [(String, String)] = [
            ("Press Enter to start", "\u{1B}OQ"), ("Type the volunteer PIN", "1234\r"), ("9. Quit the demo", "9"), ("Leave the demo?", "\u{1B}[A\r"),
        ]
        for (screen, keys) in claim {
            let shown = try demo.waitFor(screen)
            #expect(shown, "never showed '\(screen)'; screen was:\n\(demo.replica.text)")
            guard shown else { return }
            try demo.type(keys)
        }
        // The outbox forwards in the background: quit once the stand-in issuer has the award.
        let logPath = "\(directory)/demo/demo.log"
        let line = "issuer-sim: " + sent
        let deadline = Date().addingTimeInterval(30)
        while !((try? String(contentsOfFile: logPath, encoding: .utf8))?.contains(line) ?? false), Date() < deadline {
            usleep(50_000)
        }
        #expect(try String(contentsOfFile: logPath, encoding: .utf8).contains(line))
        #expect(try String(contentsOfFile: logPath, encoding: .utf8).contains("demo: the Intro to Work programme answered 201"))
        // On loopback, as --listen asked (the default is 127.0.0.1:8080).
        #expect(try String(contentsOfFile: logPath, encoding: .utf8).contains("demo: the service listens on 127.0.0.1:"))
        for (screen, keys) in quit {
            let shown = try demo.waitFor(screen)
            #expect(shown, "never showed '\(screen)'; screen was:\n\(demo.replica.text)")
            guard shown else { return }
            try demo.type(keys)
        }
        #expect(demo.pty.wait() == 0)
        #expect(try demo.pty.isCooked())
        let output = String(decoding: demo.output + ((try? demo.pty.read(timeoutMilliseconds: 200)) ?? []), as: UTF8.self)
        #expect(output.contains("Demo stopped. The stand-in issuer received 1 badge."))
        // Drawn on the alternate screen, and left: the terminal comes back as it was.
        #expect(output.contains(Terminal.setupSequence) && output.contains(Terminal.resetSequence))
    }
}
