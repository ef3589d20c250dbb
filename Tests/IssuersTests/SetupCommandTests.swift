import Foundation
import IssuerSimulator
import KioskService
import TestSupport
import Testing

@Suite("badgekiosk setup, run as a program against the issuer simulator")
final class SetupCommandTests {
    let folder = NSTemporaryDirectory() + "badgekiosk-setup-\(UUID().uuidString)"
    let simulator: IssuerSimulator
    let port: Int
    var config: String { "\(folder)/badgekiosk.conf" }
    static let pin = "24681357"

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        simulator = IssuerSimulator(configuration: configuration)
        port = try simulator.start()
    }

    deinit {
        simulator.shutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func answers(secret: String) -> [String] {
        ["Cross Keys Hub", "obf", "http://127.0.0.1:\(port)", simulator.configuration.clientID, secret,
         Self.pin, Self.pin, "Venue Guest", "welcome123", "http://192.168.1.20:8080"]
    }

    /// Every value written, the secret's file and modes, and the PIN nowhere but as its hash.
    func expectWritten() throws {
        let settings = try KioskSettings.load(path: config, environment: [:])
        #expect(settings.service.venueName == "Cross Keys Hub" && settings.service.issuer == .obf)
        #expect(settings.service.issuerURL == "http://127.0.0.1:\(port)")
        #expect(settings.service.issuerClientID == simulator.configuration.clientID)
        #expect(settings.service.issuerClientSecretFile == "\(folder)/issuer-secret")
        #expect(settings.service.publicURL == "http://192.168.1.20:8080")
        #expect(settings.front.wifiName == "Venue Guest" && settings.front.wifiPassword == "welcome123")
        #expect(settings.front.pin == nil)
        #expect(try #require(settings.front.pinHash).matches(Self.pin))
        #expect(try settings.service.issuerSettings()?.clientSecret == simulator.configuration.clientSecret)
        #expect(try mode("\(folder)/issuer-secret") == 0o600)
        #expect(try mode(config) == 0o640)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            #expect(!text.contains(Self.pin), "\(name) holds the PIN")
            #expect(name == "issuer-secret" || !text.contains(simulator.configuration.clientSecret), "\(name) holds the secret")
        }
    }

    @Test func answersOnStandardInputAreCheckedWithTheIssuerAndWritten() throws {
        let run = try BuiltBinary.run(["setup", "--config", config],
                                       input: answers(secret: simulator.configuration.clientSecret).joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("Open Badge Factory accepted them"))
        #expect(run.out.contains("press F2 and type the volunteer PIN"))
        try expectWritten()
    }

    @Test func aRefusedSecretIsSaidPlainlyAndTypedAgain() throws {
        var typed = answers(secret: "not-the-secret")
        typed.insert(contentsOf: ["", "", simulator.configuration.clientSecret], at: 5)
        let run = try BuiltBinary.run(["setup", "--config", config], input: typed.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("The issuer refused the client id and secret: check them in Open Badge Factory"))
        #expect(run.out.contains("Open Badge Factory accepted them"))
        try expectWritten()
    }

    @Test func flagsWithoutQuestionsAndAReRunThatKeepsEverything() throws {
        let secretFile = "\(folder)/typed-secret"
        try simulator.configuration.clientSecret.write(toFile: secretFile, atomically: true, encoding: .utf8)
        let flags = ["setup", "--config", config, "--non-interactive", "--venue-name", "Cross Keys Hub", "--issuer", "obf",
                     "--issuer-url", "http://127.0.0.1:\(port)", "--issuer-client-id", simulator.configuration.clientID,
                     "--issuer-secret-file", secretFile, "--pin-file", "-", "--wifi-name", "Venue Guest",
                     "--public-url", "http://192.168.1.20:8080"]
        let wifiFile = "\(folder)/wifi"
        try "welcome123\n".write(toFile: wifiFile, atomically: true, encoding: .utf8)
        let run = try BuiltBinary.run(flags + ["--wifi-password-file", wifiFile], input: Self.pin + "\n")
        #expect(run.status == 0, "\(run.err)")
        try FileManager.default.removeItem(atPath: secretFile)
        try FileManager.default.removeItem(atPath: wifiFile)
        try expectWritten()

        let first = try String(contentsOfFile: config, encoding: .utf8)
        let again = try BuiltBinary.run(["setup", "--config", config, "--non-interactive"])
        #expect(again.status == 0, "\(again.err)")
        try expectWritten()
        #expect(try String(contentsOfFile: "\(config).before-setup", encoding: .utf8) == first)
    }

    @Test func aRefusalWithoutQuestionsChangesNothing() throws {
        let secretFile = "\(folder)/typed-secret"
        try "not-the-secret".write(toFile: secretFile, atomically: true, encoding: .utf8)
        let run = try BuiltBinary.run(["setup", "--config", config, "--non-interactive", "--issuer", "obf",
                                        "--issuer-url", "http://127.0.0.1:\(port)", "--issuer-client-id", simulator.configuration.clientID,
                                        "--issuer-secret-file", secretFile])
        #expect(run.status != 0)
        #expect(run.err.contains("The issuer refused the client id and secret"))
        #expect(!FileManager.default.fileExists(atPath: config))
    }

    @Test func withNoIssuerToReachItSaysSoAndGoesOn() throws {
        simulator.shutdown()
        let typed = answers(secret: "any-secret")
        let run = try BuiltBinary.run(["setup", "--config", config], input: typed.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("could not be checked now"))
        #expect(try KioskSettings.load(path: config, environment: [:]).service.issuer == .obf)
    }

    @Test func aDryRunHidesSecretsAndWritesNothing() throws {
        let run = try BuiltBinary.run(["setup", "--config", config, "--dry-run"],
                                       input: answers(secret: simulator.configuration.clientSecret).joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("\nwifi_password = (hidden)\n") && run.out.contains("\npin_hash = (hidden)\n"))
        #expect(run.out.contains("\nvenue_name = Cross Keys Hub\n"))
        #expect(!run.out.contains(Self.pin) && !run.out.contains(simulator.configuration.clientSecret))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
