import Foundation
import Testing
@testable import KioskService

@Suite("Configuration: file, environment, flags")
struct ConfigurationTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "badgekiosk-\(UUID().uuidString).conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsEveryKindOfLine() throws {
        let path = try write("""
        # comment
        listen = 127.0.0.1:9090

        venue_name = "Cross Keys Homes # Peterborough"
        code_lifetime_hours = 48   # two days
        public_url = http://kiosk.local:9090/
        """)
        let configuration = try ServiceConfiguration.load(path: path, environment: [:])
        #expect(configuration.listenHost == "127.0.0.1")
        #expect(configuration.listenPort == 9090)
        #expect(configuration.venueName == "Cross Keys Homes # Peterborough")
        #expect(configuration.codeLifetimeHours == 48)
        #expect(configuration.publicURL == "http://kiosk.local:9090")
    }

    @Test func environmentBeatsFileAndFlagsBeatBoth() throws {
        let path = try write("venue_name = File\nlisten = 0.0.0.0:1\n")
        let configuration = try ServiceConfiguration.load(
            path: path,
            environment: ["BADGEKIOSK_VENUE_NAME": "Env", "BADGEKIOSK_LISTEN": "0.0.0.0:2"],
            overrides: [("listen", "[::1]:3")])
        #expect(configuration.venueName == "Env")
        #expect(configuration.listenHost == "::1")
        #expect(configuration.listenPort == 3)
    }

    @Test(arguments: [
        ("listen = nowhere\n", 1, "listen"),
        ("\n\ncode_lifetime_hours = soon\n", 3, "code_lifetime_hours"),
        ("colour = blue\n", 1, "colour"),
        ("venue_name = A\nvenue_name = B\n", 2, "venue_name"),
        ("just some words\n", 1, "just some words"),
        ("public_url = ftp://x\n", 1, "public_url"),
    ])
    func badLinesNameFileLineAndKey(text: String, line: Int, key: String) throws {
        let path = try write(text)
        let error = #expect(throws: ConfigError.self) { try ServiceConfiguration.load(path: path, environment: [:]) }
        #expect(error?.line == line)
        #expect(error?.key == key)
        #expect(error?.description.hasPrefix("\(path):\(line): \(key): ") == true)
    }

    @Test func missingExplicitFileIsAnError() {
        let error = #expect(throws: ConfigError.self) {
            try ServiceConfiguration.load(path: "/nonexistent/badgekiosk.conf", environment: [:])
        }
        #expect(error?.description == "/nonexistent/badgekiosk.conf: config: no such file")
    }

    @Test func badEnvironmentValueIsNamed() {
        let error = #expect(throws: ConfigError.self) {
            try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null", "BADGEKIOSK_EVENT_LOOPS": "0"])
        }
        #expect(error?.key == "BADGEKIOSK_EVENT_LOOPS")
    }

    @Test func theShippedExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let configuration = try ServiceConfiguration.load(path: root.appendingPathComponent("kiosk/badgekiosk.conf.example").path,
                                                          environment: [:])
        #expect(configuration.listenPort == 8080)
        #expect(configuration.retentionDays == 30)
        #expect(configuration.celebrateNames)
    }

    @Test func celebrationLinesTurnOffWithASetting() throws {
        let off = try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null",
                                                                         "BADGEKIOSK_CELEBRATE_NAMES": "no"])
        #expect(!off.celebrateNames)
        #expect(try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null"]).celebrateNames)
    }

    @Test func codePolicyFollowsSettings() throws {
        let configuration = try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null"],
                                                          overrides: [("claim_headroom_percent", "50")])
        #expect(configuration.codePolicy.maxClaims(expected: 10) == 15)
        #expect(configuration.codePolicy.lifetimeSeconds == 72 * 3600)
    }

    @Test func awardsAStopInterruptedWaitOneIssuerTimeoutBeforeTheirLookUp() throws {
        let configured = try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null",
                                                                                "BADGEKIOSK_ISSUER_TIMEOUT_SECONDS": "7"])
        #expect(configured.forwarderSettings.recoveryDelay == 7)
        let defaults = try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        #expect(defaults.forwarderSettings.recoveryDelay == 20)
    }

    @Test func navigatrTakesAnAccessTokenAndAnOptionalProvider() throws {
        let secret = NSTemporaryDirectory() + "badgekiosk-pat-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: secret, contents: Data("pat-123\n".utf8), attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let path = try write("issuer = Navigatr\nissuer_url = https://api.navigatr.app\nissuer_client_secret_file = \(secret)\n")
        let settings = try #require(try ServiceConfiguration.load(path: path, environment: [:]).issuerSettings())
        #expect(settings.kind.rawValue == "navigatr" && settings.clientSecret == "pat-123" && settings.clientID.isEmpty)
        let withProvider = try ServiceConfiguration.load(path: path, environment: ["BADGEKIOSK_ISSUER_CLIENT_ID": "77"])
        #expect(try withProvider.issuerSettings()?.clientID == "77")
        // Other issuers still need their client id.
        let obf = try ServiceConfiguration.load(path: path, environment: ["BADGEKIOSK_ISSUER": "obf"])
        #expect(throws: ConfigError.self) { try obf.issuerSettings() }
        let unknown = try write("issuer = acme\n")
        let error = #expect(throws: ConfigError.self) { try ServiceConfiguration.load(path: unknown, environment: [:]) }
        #expect(error?.problem == "expected obf, badgr, navigatr")
    }
}

@Suite("Request log")
struct RequestLogTests {
    @Test func hidesClaimTokensAndControlCharacters() {
        #expect(RequestLog.redact("/c/AbCdEfGhIjKlMnOpQrStUv") == "/c/…")
        #expect(RequestLog.redact("/c/AbCdEfGhIjKlMnOpQrStUv/step") == "/c/…/step")
        #expect(RequestLog.redact("/e/K7PQ2M9X") == "/e/…")
        #expect(RequestLog.redact("/e/K7PQ2M9X/email") == "/e/…/email")
        #expect(RequestLog.redact("/api/v1/claims") == "/api/v1/claims")
        #expect(RequestLog.redact("/x\u{1B}[2J\nfake") == "/x\\u{1B}[2J\\u{A}fake")
        #expect(RequestLog.redact("/c/AbCdEfGhIjKlMnOpQrStUv/\u{0085}\u{009B}\u{2028}\u{202E}")
            == "/c/…/\\u{85}\\u{9B}\\u{2028}\\u{202E}")
    }
}
