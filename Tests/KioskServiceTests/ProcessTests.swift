import Foundation
import HTTPKit
import KioskCore
import KioskStore
import TestSupport
import Testing
@testable import KioskService

@Suite("The badgekiosk process", .serialized)
struct ProcessTests {
    @Test(arguments: [["serve", "--bogus"], ["serve", "--listen"], ["nonsense"], ["serve", "--listen", "nowhere"],
                      ["bench", "claims", "--connections", "0"], ["badges", "add", "--name", "x"]])
    func usageErrorsAreOneLineAndExit2(arguments: [String]) throws {
        let directory = try TestFolder.make()
        let result = try BuiltBinary.run(arguments + (arguments.first == "badges" ? ["--state-dir", directory] : []),
                                    environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        #expect(result.status == 2)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: "))
    }

    @Test func brokenConfigNamesFileLineAndKey() throws {
        let directory = try TestFolder.make()
        let path = "\(directory)/bad.conf"
        try "# ok\nvenue_name = Hall\nevent_loops = many\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try BuiltBinary.run(["serve", "--config", path, "--state-dir", directory])
        #expect(result.status == 2)
        #expect(result.err == "badgekiosk: \(path):3: event_loops: expected a whole number from 1 to 64\n")
    }

    @Test func helpWorksOnEveryCommand() throws {
        for command in [["--help"], ["serve", "--help"], ["badges", "--help"], ["bench", "--help"]] {
            #expect(try BuiltBinary.run(command).status == 0)
        }
    }

    @Test func sigtermStopsCleanlyWithExitZero() throws {
        let directory = try TestFolder.make()
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: "\(directory)/state")
        let client = try HTTPClient(host: "127.0.0.1", port: server.port)
        #expect(try client.send(method: "GET", path: "/healthz").status == 200)
        client.close()
        #expect(server.stop(signal: SIGTERM) == 0)
        #expect(server.log.contains("GET /healthz 200"))
        #expect(server.log.contains("badgekiosk: stopped"))
    }

    @Test func badgesAddThenServeListsThem() throws {
        let directory = try TestFolder.make()
        let state = "\(directory)/state"
        let added = try BuiltBinary.run(["badges", "add", "--state-dir", state, "--id", "day-1", "--name", "Day 1",
                                    "--description", "Motivation"], environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        #expect(added.status == 0)
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state)
        defer { server.stop() }
        let token = try String(contentsOfFile: "\(state)/staff-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let client = try HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let reply = Reply(try client.send(method: "GET", path: "/api/v1/badges", headers: .init([("Authorization", "Bearer \(token)")])))
        #expect((reply.json["badges"] as? [[String: Any]])?.first?["name"] as? String == "Day 1")
    }

    @Test func tellsSystemdReadyWatchdogAndStopping() throws {
        let directory = try TestFolder.make()
        let notify = try NotifySocket(directory: directory)
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: "\(directory)/state",
                                        environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000"])
        #expect(notify.await("READY=1") != nil)
        #expect(notify.await("WATCHDOG=1") != nil)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(notify.await("STOPPING=1") != nil)
        #expect(server.stop() == 0)
    }
}
