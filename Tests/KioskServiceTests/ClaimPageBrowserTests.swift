import Foundation
import HTTPCore
import HTTPKit
import KioskCore
import KioskStore
import TestSupport
import Testing
@testable import KioskService

@Suite("Claim page in a real browser", .serialized)
struct ClaimPageBrowserTests {
    /// Tests/Browser/claim_flow.py drives headless Chromium at 360x640 (and 320 px, and 200% zoom)
    /// through a whole claim in English, Arabic, Ukrainian (from `/`, typing the short code) and Polish
    /// against `badgekiosk serve`, checking each page's HTML, labels, lang/dir, tap targets, contrast,
    /// sideways scrolling and that the main button shows without scrolling, and saving screenshots.
    @Test(.enabled(if: BrowserTools.available,
                   "needs chromium, chromium-driver, python3-selenium and python3-html5lib (.ci/run installs them)"))
    func wholeClaimsInFourLanguages() throws {
        let python = try #require(BrowserTools.python)
        let directory = try TestFolder.make()
        let state = "\(directory)/state"
        let added = try BuiltBinary.run(["badges", "add", "--state-dir", state, "--id", "intro-day-1",
                                    "--name", "Intro to Work — Day 1",
                                    "--description", "You came to every part of day 1 and made a plan for your job search."],
                                   environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        #expect(added.status == 0)
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state,
                                        environment: ["BADGEKIOSK_VENUE_NAME": "Riverside Community Hall"])
        defer { server.stop() }
        let staffToken = try String(contentsOfFile: "\(state)/staff-token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let client = try HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let staff = HTTPHeaders([("Authorization", "Bearer \(staffToken)"), ("Content-Type", "application/json")])
        let created = Reply(try client.send(method: "POST", path: "/api/v1/sessions", headers: staff,
                                            body: Array(#"{"title":"Intro to Work — Day 1","badges":["intro-day-1"],"expected":12}"#.utf8)))
        let sessionID = try #require(created.object("session")?["id"] as? Int)
        let ended = Reply(try client.send(method: "POST", path: "/api/v1/sessions/\(sessionID)/end", headers: staff))
        let token = try #require(ended.object("code")?["token"] as? String)
        let short = try #require(ended.object("code")?["short"] as? String)

        let environment = ProcessInfo.processInfo.environment
        let artifacts = environment["BADGEKIOSK_BROWSER_ARTIFACTS"]
            ?? "\(BrowserTools.packageRoot)/.build/browser-artifacts"
        let script = Process()
        script.executableURL = URL(fileURLWithPath: python)
        script.arguments = ["\(BrowserTools.packageRoot)/Tests/Browser/claim_flow.py",
                            "http://127.0.0.1:\(server.port)/c/\(token)"]
        script.environment = environment.merging([
            "BADGEKIOSK_BROWSER_ARTIFACTS": artifacts, "BADGEKIOSK_STAFF_TOKEN": staffToken,
            "BADGEKIOSK_SESSION_ID": String(sessionID), "BADGEKIOSK_SHORT_CODE": short, "CHROMIUM": BrowserTools.chromium,
            "CHROMEDRIVER": BrowserTools.chromedriver,
        ]) { $1 }
        let output = Pipe()
        script.standardOutput = output
        script.standardError = output
        try script.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "claim_flow.py:\n\(report)")

        #expect(server.stop() == 0)
        let store = try KioskStore(directory: state)
        defer { store.close() }
        let claims = try store.claims(sessionID: Int64(sessionID))
        #expect(claims.map(\.email).sorted() == ["amal@example.com", "amira@gmail.com", "olena@ukr.net", "zofia@wp.pl"])
        #expect(claims.map(\.name).sorted() == ["Amira", "Zofia", "Олена", "أمل"])
        #expect(!server.log.contains(token), "the claim token never reaches the log")
    }
}
