import Foundation
import Testing
@testable import KioskService

@Suite("Settings table: one row a setting drives the file, the environment, flags, help and the example")
struct SettingsTableTests {
    static let everyRow: [SettingInfo] = KioskSettings.sections.flatMap(\.settings)

    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "badgekiosk-\(UUID().uuidString).conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyKeyTakesItsOwnDefault() {
        var settings = KioskSettings()
        for row in Self.everyRow {
            guard let value = row.defaultValue else { continue }
            #expect(settings.set(row.key, to: value) == nil, "\(row.key)")
        }
        #expect(settings == KioskSettings())
        #expect(ServiceConfiguration.tableDefaults() == ServiceConfiguration())
        let defaults = KioskSettings()
        #expect(defaults.service.listenHost == "0.0.0.0" && defaults.service.listenPort == 8080)
        #expect(defaults.service.venueName == "our venue" && defaults.service.retentionDays == 30)
        #expect(defaults.service.issuer == nil && defaults.front.pin == nil && defaults.front.qrStyle == "auto")
        #expect(defaults.localServiceURL == "http://127.0.0.1:8080")
    }

    static let refusals: [(key: String, bad: String, problem: String)] = [
        ("listen", "nowhere", "expected HOST:PORT, e.g. 0.0.0.0:8080"),
        ("state_dir", "var/lib", "expected a folder path"),
        ("public_url", "ftp://kiosk", "expected an address starting with http:// or https://"),
        ("venue_name", "", "expected a name of 1 to 100 characters"),
        ("venue_file", "venue", "expected the path of a file"),
        ("code_lifetime_hours", "soon", "expected a whole number from 1 to 8760"),
        ("claim_headroom_percent", "-1", "expected a whole number from 0 to 1000"),
        ("max_failed_code_attempts", "0", "expected a whole number from 1 to 10000"),
        ("retention_days", "3651", "expected a whole number from 1 to 3650"),
        ("celebrate_names", "Yes please", "expected yes or no"),
        ("event_loops", "0", "expected a whole number from 1 to 64"),
        ("max_connections", "15", "expected a whole number from 16 to 65536"),
        ("max_connections_per_address", "3", "expected a whole number from 4 to 65536"),
        ("issuer", "acme", "expected obf, badgr, navigatr"),
        ("issuer_url", "http://example.org", "plain http is allowed only to this machine (127.0.0.1); use https://"),
        ("issuer_client_id", "two words", "expected the client id the issuer gave you (no spaces)"),
        ("issuer_client_secret_file", "secret", "expected the path of a file holding the secret"),
        ("issuer_ca_file", "ca.pem", "expected the path of a PEM file of certificates"),
        ("issuer_timeout_seconds", "601", "expected a whole number from 1 to 600"),
        ("issuer_concurrency", "33", "expected a whole number from 1 to 32"),
        ("issuer_max_backoff_seconds", "0", "expected a whole number from 1 to 3600"),
        ("pin", "12a4", "expected 4 to 12 digits"),
        ("pin_hash", "2468", "expected a hash written by badgekiosk setup (pbkdf2-sha256$...)"),
        ("wifi_name", String(repeating: "é", count: 17), "expected a Wi-Fi name of 1 to 32 bytes"),
        ("wifi_password", "short", "expected a Wi-Fi password of 8 to 63 characters, or nothing for an open network"),
        ("printer", "Office printer; rm -rf", "expected a printer name as lpstat -p lists it: letters, digits, - _ and ."),
        ("speak_screens", "maybe", "expected yes or no"),
        ("qr_style", "fancy", "expected halfblock, blocks or auto"),
        ("service_url", "https://127.0.0.1:8080", "expected the service's address, e.g. http://127.0.0.1:8080"),
    ]

    @Test(arguments: refusals)
    func eachCheckRefusesABadValueInPlainWords(key: String, bad: String, problem: String) throws {
        var settings = KioskSettings()
        #expect(settings.set(key, to: bad) == problem)
        #expect(settings == KioskSettings(), "a refused value changes nothing")
        let path = try write("\n\(key) = \"\(bad)\"\n")
        let error = #expect(throws: ConfigError.self) { try KioskSettings.load(path: path, environment: [:]) }
        #expect(error?.description == "\(path):2: \(key): \(problem)")
    }

    @Test func everySettingHasARefusalAbove() {
        #expect(Self.refusals.map(\.key) == KioskSettings.keys)
    }

    @Test func environmentSetsBothPartsOverTheFile() throws {
        let path = try write("venue_name = File\n[front]\npin = 1111\n")
        let settings = try KioskSettings.load(path: path, environment: [
            "BADGEKIOSK_PIN": "2468", "BADGEKIOSK_QR_STYLE": "blocks", "BADGEKIOSK_VENUE_NAME": "Env",
            "BADGEKIOSK_SERVICE_URL": "http://127.0.0.1:9/",
        ])
        #expect(settings.front.pin == "2468" && settings.front.qrStyle == "blocks")
        #expect(settings.service.venueName == "Env")
        #expect(settings.localServiceURL == "http://127.0.0.1:9")
        let flagged = try KioskSettings.load(path: path, environment: ["BADGEKIOSK_PIN": "2468"], overrides: [("pin", "97531")])
        #expect(flagged.front.pin == "97531")
    }

    @Test func aMisspeltVariableIsReportedWithTheNearestSetting() {
        let error = #expect(throws: ConfigError.self) {
            try KioskSettings.load(path: "/dev/null", environment: ["BADGEKIOSK_VENUE_NAM": "Hall"])
        }
        #expect(error?.description == "environment: BADGEKIOSK_VENUE_NAM: not a setting; did you mean BADGEKIOSK_VENUE_NAME?")
        let lower = #expect(throws: ConfigError.self) {
            try ServiceConfiguration.load(path: "/dev/null", environment: ["BADGEKIOSK_qr_style": "auto"])
        }
        #expect(lower?.problem == "not a setting; did you mean BADGEKIOSK_QR_STYLE?")
        let far = #expect(throws: ConfigError.self) {
            try KioskSettings.load(path: "/dev/null", environment: ["BADGEKIOSK_COLOUR": "blue"])
        }
        #expect(far?.problem.hasPrefix("not a setting (settings: BADGEKIOSK_LISTEN, BADGEKIOSK_STATE_DIR, ") == true)
    }

    @Test func variablesThatAreNotSettingsButAreUsedAreLeftAlone() throws {
        var environment = Dictionary(uniqueKeysWithValues: KioskSettings.otherVariables.map { ($0, "anything at all") })
        environment["BADGEKIOSK_CONFIG"] = "/dev/null"
        environment["PATH"] = "/usr/bin"
        #expect(try KioskSettings.load(path: nil, environment: environment) == KioskSettings())
        #expect(KioskSettings.otherVariables.isDisjoint(with: Self.everyRow.map(\.variable)))
    }

    @Test func theFileHasAPartForTheServiceAndOneForTheFront() throws {
        let path = try write("""
        qr_style = blocks
        [service]
        listen = 127.0.0.1:9090
        [ front ]
        pin = 2468
        service_url = http://127.0.0.1:9090
        """)
        let settings = try KioskSettings.load(path: path, environment: [:])
        #expect(settings.service.listenPort == 9090)
        #expect(settings.front.pin == "2468" && settings.front.qrStyle == "blocks")
        #expect(settings.front.serviceURL == "http://127.0.0.1:9090")
        #expect(try ServiceConfiguration.load(path: path, environment: [:]) == settings.service)
    }

    @Test(arguments: [
        ("[front]\nlisten = 0.0.0.0:1\n", 2, "listen", "belongs under [service], not [front]"),
        ("[service]\npin = 2468\n", 2, "pin", "belongs under [front], not [service]"),
        ("listen = 0.0.0.0:1\n[fronts]\n", 2, "[fronts]", "not a section; expected [service] or [front]"),
        ("[front]\nvenue_nam = Hall\n", 2, "venue_nam", "not a setting; did you mean venue_name?"),
        ("\nqr_styel = auto\n", 2, "qr_styel", "not a setting; did you mean qr_style?"),
    ])
    func aMisplacedOrUnknownKeyNamesFileLineAndTheFix(text: String, line: Int, key: String, problem: String) throws {
        let path = try write(text)
        let error = #expect(throws: ConfigError.self) { try KioskSettings.load(path: path, environment: [:]) }
        #expect(error?.description == "\(path):\(line): \(key): \(problem)")
    }

    @Test func flagsComeFromTheTable() {
        #expect(ServiceConfiguration.flags.map(\.name) == ["listen", "state-dir"])
        #expect(ServiceConfiguration.flags.map(\.valueName) == ["HOST:PORT", "DIR"])
        #expect(ServiceConfiguration.flags.map(\.defaultValue) == ["0.0.0.0:8080", "/var/lib/badgekiosk"])
        #expect(FrontSettings.flags == [SettingFlag(name: "service", valueName: "URL", doc: FrontSettings.setting("service_url")?.info.doc ?? "",
                                                    key: "service_url", defaultValue: nil)])
        #expect(KioskSettings.flags == ServiceConfiguration.flags + FrontSettings.flags)
        for flag in KioskSettings.flags {
            let row = Self.everyRow.first { $0.key == flag.key }
            #expect(row?.doc == flag.doc && row?.defaultValue == flag.defaultValue)
        }
        // Commands pass a flag's value on as an override keyed by its setting.
        let settings = try? KioskSettings.load(path: "/dev/null", environment: [:], overrides: [("state_dir", "./state")])
        #expect(settings?.service.stateDirectory == "./state")
    }

    @Test func docsAreOneLineAndKeysAreUnique() {
        #expect(Set(KioskSettings.keys).count == KioskSettings.keys.count)
        for row in Self.everyRow {
            #expect(!row.doc.isEmpty && !row.doc.contains("\n") && row.doc.count <= 110, "\(row.key)")
            #expect(row.doc.hasSuffix("."), "\(row.key)")
            #expect(row.comment.allSatisfy { !$0.contains("\n") && $0.count <= 110 }, "\(row.key)")
            #expect(row.key.allSatisfy { $0.isLowercase || $0 == "_" }, "\(row.key)")
        }
    }

    @Test func helpListsEachSettingWithItsDefaultAndDoc() {
        for section in KioskSettings.sections {
            let lines = section.help.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("Settings under [\(section.name)] in the settings file") == true)
            #expect(lines.first?.contains("BADGEKIOSK_<KEY>") == true)
            #expect(lines.count == 2 * section.settings.count + 1 + section.about.count)
            for (index, row) in section.settings.enumerated() {
                #expect(lines[1 + 2 * index] == "  \(row.key) = \(row.defaultValue ?? "(unset)")")
                #expect(lines[2 + 2 * index] == "      \(row.doc)")
            }
        }
        #expect(SettingsSection.service.help.contains("\n  listen = 0.0.0.0:8080\n"))
        #expect(SettingsSection.front.help.contains("\n  pin = (unset)\n"))
    }

    @Test func nearestNameAllowsAFewSlips() {
        #expect(NearestName.distance(Array("venue_nam"), Array("venue_name")) == 1)
        #expect(NearestName.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(NearestName.to("isuer", among: KioskSettings.keys) == "issuer")
        #expect(NearestName.to("colour", among: KioskSettings.keys) == nil)
    }
}

@Suite("Settings example file")
struct SettingsExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Run `BADGEKIOSK_RECORD_GOLDEN=1 swift test --filter SettingsExampleTests` to rewrite it after changing a table.
    @Test func theCheckedInExampleIsTheOneTheTablesMake() throws {
        let path = Self.root.appendingPathComponent(KioskSettings.examplePath).path
        if ProcessInfo.processInfo.environment["BADGEKIOSK_RECORD_GOLDEN"] == "1" {
            try KioskSettings.exampleFile.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOfFile: path, encoding: .utf8)
        #expect(checkedIn == KioskSettings.exampleFile, """
            \(KioskSettings.examplePath) is not what the settings tables make; after changing a table run
            BADGEKIOSK_RECORD_GOLDEN=1 swift test --filter SettingsExampleTests
            """)
    }

    @Test func theExampleLoadsAsTheDefaultsAndShowsEverySetting() throws {
        let path = Self.root.appendingPathComponent(KioskSettings.examplePath).path
        #expect(try KioskSettings.load(path: path, environment: [:]) == KioskSettings())
        let text = KioskSettings.exampleFile
        for row in SettingsTableTests.everyRow {
            #expect(text.contains("\n# \(row.doc)\n"), "\(row.key)")
            #expect(text.contains("\n\(row.key) = ") || text.contains("\n# \(row.key) = "), "\(row.key)")
        }
        #expect(text.contains("\n[service]\n") && text.contains("\n[front]\n"))
        #expect(text.contains("LoadCredential=issuer-secret:/etc/badgekiosk/issuer-secret"))
    }
}
