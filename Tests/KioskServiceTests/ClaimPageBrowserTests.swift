import Foundation
import HTTPCore
import HTTPKit
import IssuerSimulator
import KioskCore
import KioskStore
import TestSupport
import Testing
@testable import KioskService

@Suite("Claim page in a real browser", .serialized)
struct ClaimPageBrowserTests {
    /// `badgekiosk serve` in a fresh state folder with one badge, and a session ended so its code works.
    struct Kiosk {
        let state: String
        let server: ServiceProcess
        let staffToken: String
        let sessionID: Int
        let token: String
        let short: String

        static let badge = "Intro to Work — Day 1"

        /// `environment` on top of the venue's name; the badge is one the issuer simulator knows.
        init(environment: [String: String] = [:]) throws {
            let directory = try TestFolder.make()
            state = "\(directory)/state"
            let added = try BuiltBinary.run(["badges", "add", "--state-dir", state, "--id", "intro-to-work-day-1",
                                             "--name", Self.badge,
                                             "--description", "You came to every part of day 1 and made a plan for your job search."],
                                            environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
            #expect(added.status == 0)
            server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state,
                                        environment: ["BADGEKIOSK_VENUE_NAME": "Riverside Community Hall"].merging(environment) { $1 })
            staffToken = try server.staffToken()
            let client = try HTTPClient(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let staff = HTTPHeaders([("Authorization", "Bearer \(staffToken)"), ("Content-Type", "application/json")])
            let created = Reply(try client.send(method: "POST", path: "/api/v1/sessions", headers: staff,
                                                body: Array(#"{"title":"Intro to Work — Day 1","badges":["intro-to-work-day-1"],"expected":12}"#.utf8)))
            sessionID = try #require(created.object("session")?["id"] as? Int)
            let ended = Reply(try client.send(method: "POST", path: "/api/v1/sessions/\(sessionID)/end", headers: staff))
            token = try #require(ended.object("code")?["token"] as? String)
            short = try #require(ended.object("code")?["short"] as? String)
        }

        /// Runs `Tests/Browser/<script>` against the claim page with the settings it reads, `extra` on
        /// top; records what it printed when it fails.
        func drive(_ script: String, _ extra: [String: String] = [:]) throws {
            let python = try #require(BrowserTools.python)
            let environment = ProcessInfo.processInfo.environment
            let artifacts = environment["BADGEKIOSK_BROWSER_ARTIFACTS"] ?? "\(BrowserTools.packageRoot)/.build/browser-artifacts"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["\(BrowserTools.packageRoot)/Tests/Browser/\(script)", "http://127.0.0.1:\(server.port)/c/\(token)"]
            process.environment = environment.merging([
                "BADGEKIOSK_BROWSER_ARTIFACTS": artifacts, "BADGEKIOSK_STAFF_TOKEN": staffToken,
                "BADGEKIOSK_SESSION_ID": String(sessionID), "BADGEKIOSK_SHORT_CODE": short, "CHROMIUM": BrowserTools.chromium,
                "CHROMEDRIVER": BrowserTools.chromedriver,
                // The scripts share learner.py: no compiled copy of it is left in the source tree.
                "PYTHONDONTWRITEBYTECODE": "1",
            ].merging(extra) { $1 }) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(script):\n\(report)")
        }

        /// Stops the service and opens its store, to read what it kept.
        func stoppedStore() throws -> KioskStore {
            #expect(server.stop() == 0)
            return try KioskStore(directory: state)
        }
    }

    static let needs: Comment = "needs chromium, chromium-driver, python3-selenium and python3-html5lib (.ci/run installs them)"

    /// Tests/Browser/claim_flow.py drives headless Chromium at 360x640 (and 320 px, and 200% zoom)
    /// through a whole claim in English, Arabic, Ukrainian (from `/`, typing the short code) and Polish
    /// against `badgekiosk serve`, checking each page's HTML, labels, lang/dir, tap targets, contrast,
    /// sideways scrolling and that the main button shows without scrolling, and saving screenshots.
    @Test(.enabled(if: BrowserTools.available, Self.needs))
    func wholeClaimsInFourLanguages() throws {
        let kiosk = try Kiosk()
        defer { kiosk.server.stop() }
        try kiosk.drive("claim_flow.py")

        let store = try kiosk.stoppedStore()
        defer { store.close() }
        let claims = try store.claims(sessionID: Int64(kiosk.sessionID))
        #expect(claims.map(\.email).sorted() == ["amal@example.com", "amira@gmail.com", "olena@ukr.net", "zofia@wp.pl"])
        #expect(claims.map(\.name).sorted() == ["Amira", "Zofia", "Олена", "أمل"])
        #expect(!kiosk.server.log.contains(kiosk.token), "the claim token never reaches the log")
    }

    /// Tests/Browser/later_flow.py, with the same checks on every page: in each language a learner with
    /// no email claims with a first name and is shown a code; the claim waits and nothing reaches the
    /// issuer. At `/` they type the code wrong, then right, and at `/e/` a bad email, then a good one;
    /// the done page names the badge, and the award reaches the issuer simulator, once.
    @Test(.enabled(if: BrowserTools.available, Self.needs))
    func noEmailYetThenTheEmailAtEInFourLanguages() throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        let folder = try TestFolder.make()
        SimulatorSettings.writeSecret(to: "\(folder)/secret")
        let issuer = "http://127.0.0.1:\(port)"
        // Each learner types one code wrong and meets a spent one: eight in all, not a guesser.
        let kiosk = try Kiosk(environment: SimulatorSettings.environment(url: issuer, secretFile: "\(folder)/secret")
                              .merging(["BADGEKIOSK_MAX_FAILED_CODE_ATTEMPTS": "50"]) { $1 })
        defer { kiosk.server.stop() }
        try kiosk.drive("later_flow.py", ["BADGEKIOSK_ISSUER_URL": issuer, "BADGEKIOSK_BADGE_NAME": Kiosk.badge])

        let store = try kiosk.stoppedStore()
        defer { store.close() }
        let claims = try store.claims(sessionID: Int64(kiosk.sessionID))
        #expect(claims.map(\.email).sorted() == ["amal@example.com", "amira@gmail.com", "olena@ukr.net", "zofia@wp.pl"])
        #expect(claims.map(\.name).sorted() == ["Amira", "Zofia", "Олена", "أمل"])
        #expect(try store.waitingClaims().isEmpty)
        let issued = simulator.awards.map { "\($0.badge) \($0.email)" }.sorted()
        #expect(issued == ["amal@example.com", "amira@gmail.com", "olena@ukr.net", "zofia@wp.pl"].map { "intro-to-work-day-1 \($0)" })
    }
}
