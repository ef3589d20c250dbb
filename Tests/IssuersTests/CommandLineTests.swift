import Foundation
import Testing
import IssuerSimulator
import KioskStore

@Suite("Forwarding on the command line", .serialized)
struct CommandLineTests {
    @Test(arguments: [["issuer-sim", "--faults", "teapot:1"], ["issuer-sim", "--listen", "nowhere"], ["issuer-sim", "--bogus"],
                      ["outbox", "--bogus"], ["bench", "drain", "--awards", "0"], ["bench", "drain", "--faults", "500:2"]])
    func usageErrorsAreOneLineAndExit2(arguments: [String]) throws {
        let result = try ChildProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: "))
    }

    @Test func helpWorks() throws {
        for command in [["issuer-sim", "--help"], ["outbox", "--help"], ["badges", "--help"], ["bench", "--help"]] {
            #expect(try ChildProcess.run(command).status == 0)
        }
        #expect(try ChildProcess.run(["--help"]).out.contains("issuer-sim"))
    }

    @Test func badIssuerSettingsStopStartWithTheKeyNamed() throws {
        let folder = try ChildProcess.seededFolder(claims: 1, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try ChildProcess.run(["serve", "--state-dir", "\(folder)/state", "--listen", "127.0.0.1:0"],
                                           environment: ["BADGEKIOSK_ISSUER": "obf"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("issuer_url"))
        let plain = try ChildProcess.run(["serve", "--state-dir", "\(folder)/state"],
                                         environment: ["BADGEKIOSK_ISSUER_URL": "http://issuer.example.com"])
        #expect(plain.status == 2)
        #expect(plain.err.contains("https://"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(folder)/secret")
        var environment = ChildProcess.environment(folder: folder, port: 9)
        environment["BADGEKIOSK_STATE_DIR"] = "\(folder)/state"
        let open = try ChildProcess.run(["badges", "sync"], environment: environment)
        #expect(open.status == 2)
        #expect(open.err.contains("chmod 600"))
        #expect(!open.err.contains("demo-secret"))
    }

    @Test func badgesSyncAndOutboxAgainstTheSimulator() throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        let folder = try ChildProcess.seededFolder(claims: 3, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = ChildProcess.environment(folder: folder, port: port)
        environment["BADGEKIOSK_STATE_DIR"] = "\(folder)/state"
        let sync = try ChildProcess.run(["badges", "sync"], environment: environment)
        #expect(sync.status == 0)
        #expect(sync.out.contains("synced 5 badge(s) from Open Badge Factory"))
        let outbox = try ChildProcess.run(["outbox"], environment: environment)
        #expect(outbox.status == 0)
        #expect(outbox.out.contains("Awards: 3 waiting, 0 being sent, 0 sent, 0 refused by the issuer."))
        #expect(outbox.out.contains("Issuer: Open Badge Factory at http://127.0.0.1:\(port)."))
    }
}
