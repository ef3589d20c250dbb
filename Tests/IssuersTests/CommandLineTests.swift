import Foundation
import TestSupport
import Testing
import IssuerSimulator
import KioskService
import KioskStore

@Suite("Forwarding on the command line", .serialized)
struct CommandLineTests {
    @Test(arguments: [["issuer-sim", "--faults", "teapot:1"], ["issuer-sim", "--listen", "nowhere"], ["issuer-sim", "--bogus"],
                      ["outbox", "--bogus"], ["outbox", "forget", "1"], ["outbox", "resend"], ["outbox", "arrived", "abc"],
                      ["bench", "drain", "--awards", "0"], ["bench", "drain", "--faults", "500:2"], ["demo", "--issuer", "acme"], ["demo", "--listen", "nowhere"],
                      ["bench", "soak", "--minutes", "0"], ["bench", "soak", "--faults", "drop:2"], ["bench", "soak", "--bogus"]])
    func usageErrorsAreOneLineAndExit2(arguments: [String]) throws {
        let result = try BuiltBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: "))
    }

    @Test func helpWorks() throws {
        for command in [["issuer-sim", "--help"], ["outbox", "--help"], ["badges", "--help"], ["bench", "--help"]] {
            #expect(try BuiltBinary.run(command).status == 0)
        }
        #expect(try BuiltBinary.run(["--help"]).out.contains("issuer-sim"))
    }

    @Test func badIssuerSettingsStopStartWithTheKeyNamed() throws {
        let folder = try ChildProcess.seededFolder(claims: 1, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = try BuiltBinary.run(["serve", "--state-dir", "\(folder)/state", "--listen", "127.0.0.1:0"],
                                           environment: ["BADGEKIOSK_ISSUER": "obf"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("issuer_url"))
        let plain = try BuiltBinary.run(["serve", "--state-dir", "\(folder)/state"],
                                         environment: ["BADGEKIOSK_ISSUER_URL": "http://issuer.example.com"])
        #expect(plain.status == 2)
        #expect(plain.err.contains("https://"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(folder)/secret")
        var environment = ChildProcess.environment(folder: folder, port: 9)
        environment["BADGEKIOSK_STATE_DIR"] = "\(folder)/state"
        let open = try BuiltBinary.run(["badges", "sync"], environment: environment)
        #expect(open.status == 2)
        #expect(open.err.contains("chmod 600"))
        #expect(!open.err.contains("demo-secret"))
    }

    /// A port another program holds (here a simulator) stops the demo before its front starts, saying
    /// what to try instead.
    @Test func theDemoOnABusyPortSaysSoInOneLineAndExits2() throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        let folder = NSTemporaryDirectory() + "badgekiosk-demo-busy-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BuiltBinary.run(["demo", "--state-dir", folder, "--listen", "127.0.0.1:\(port)"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: port \(port) is in use (is badgekiosk serve running?); "
            + "try --listen 127.0.0.1:\(port + 1)"), "\(result.err)")
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
        let sync = try BuiltBinary.run(["badges", "sync"], environment: environment)
        #expect(sync.status == 0)
        #expect(sync.out.contains("synced 5 badge(s) from Open Badge Factory"))
        let outbox = try BuiltBinary.run(["outbox"], environment: environment)
        #expect(outbox.status == 0)
        #expect(outbox.out.contains("Awards: 3 waiting, 0 being sent, 0 sent, 0 refused by the issuer."))
        #expect(outbox.out.contains("Issuer: Open Badge Factory at http://127.0.0.1:\(port)."))
    }

    @Test func navigatrBadgesSyncNeedsTheProviderAndSaysSo() throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        let folder = try ChildProcess.seededFolder(claims: 0, badges: 1, kind: .navigatr)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var environment = ChildProcess.environment(folder: folder, port: port, kind: "navigatr")
        environment["BADGEKIOSK_STATE_DIR"] = "\(folder)/state"
        environment["BADGEKIOSK_ISSUER_CLIENT_ID"] = nil
        let without = try BuiltBinary.run(["badges", "sync"], environment: environment)
        #expect(without.status == 1)
        #expect(without.err.contains("Navigatr lists badges only for one provider"))
        #expect(without.err.contains("badgekiosk badges add --id ID --name NAME"))
        environment["BADGEKIOSK_ISSUER_CLIENT_ID"] = "77"
        let with = try BuiltBinary.run(["badges", "sync"], environment: environment)
        #expect(with.status == 0)
        #expect(with.out.contains("synced 5 badge(s) from Navigatr"))
        #expect(with.out.contains("3425\tIntro to Work — Day 1"))
    }

    /// Navigatr cannot be asked, so two unclear awards wait; the admin settles them from the command
    /// line through the running service, and with it stopped, straight in the database.
    @Test func unsureNavigatrAwardsAreShownAndSettledFromTheCommandLine() throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.holdSeconds = 2
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        // Award 1 reaches Navigatr but its answer never comes; award 2 is cut off before it arrives.
        simulator.failNext(.timeout)
        simulator.failNext(.reset)
        let folder = try ChildProcess.seededFolder(claims: 2, badges: 1, kind: .navigatr)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = "\(folder)/state"
        var environment = ChildProcess.environment(folder: folder, port: port, kind: "navigatr")
        environment["BADGEKIOSK_ISSUER_CLIENT_ID"] = "77"
        environment["BADGEKIOSK_ISSUER_CONCURRENCY"] = "1"
        let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state, environment: environment)
        let limit = Date().addingTimeInterval(30)
        while try ChildProcess.counts(state)["unsure", default: 0] < 2, Date() < limit { usleep(20_000) }
        environment["BADGEKIOSK_STATE_DIR"] = state
        environment["BADGEKIOSK_SERVICE_URL"] = "http://127.0.0.1:\(service.port)"

        let outbox = try BuiltBinary.run(["outbox"], environment: environment)
        #expect(outbox.status == 0)
        #expect(outbox.out.contains("Awards: 0 waiting, 0 being sent, 0 sent, 0 refused by the issuer, 2 unsure."))
        #expect(outbox.out.contains("2 awards are unsure, waiting for you to check (oldest first):"))
        #expect(outbox.out.contains("Nothing is queued to send, but some awards wait for you to check them (below)."))
        #expect(!outbox.out.contains("Nothing is waiting."))
        #expect(outbox.out.contains("Check the badge's Recipients tab on Navigatr for learner0@example.org."))
        #expect(outbox.out.contains("Then run 'badgekiosk outbox resend 1' or 'badgekiosk outbox arrived 1'."))

        let arrived = try BuiltBinary.run(["outbox", "arrived", "1"], environment: environment)
        #expect(arrived.status == 0 && arrived.out.contains("Award 1 now counts as sent (confirmed by staff)."))
        let resent = try BuiltBinary.run(["outbox", "resend", "2"], environment: environment)
        #expect(resent.status == 0 && resent.out.contains("Award 2 goes to the issuer again now."))
        while try ChildProcess.counts(state)["sent", default: 0] < 2, Date() < limit { usleep(20_000) }
        #expect(try ChildProcess.counts(state) == ["sent": 2])
        #expect(simulator.awards.map(\.email).sorted() == ["learner0@example.org", "learner1@example.org"])
        let twice = try BuiltBinary.run(["outbox", "resend", "1"], environment: environment)
        #expect(twice.status == 1 && twice.err.contains("not waiting for a check: it is sent"))

        #expect(service.stop() == 0)
        let direct = try BuiltBinary.run(["outbox", "arrived", "2"], environment: environment)
        #expect(direct.status == 1 && direct.err.contains("not waiting for a check: it is sent"))
        let missing = try BuiltBinary.run(["outbox", "resend", "99"], environment: environment)
        #expect(missing.status == 1 && missing.err.contains("there is no award 99"))
    }
}
