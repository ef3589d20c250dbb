import Foundation
import TestSupport
import Testing
import IssuerSimulator
import KioskService
import KioskStore

/// A hung issuer must not hold up a shutdown past systemd's `TimeoutStopSec` (15 s in the unit):
/// requests in flight are abandoned, and looked up after the next start.
@Suite("Stopping while the issuer hangs", .serialized)
struct ShutdownTests {
    @Test(arguments: [false, true])
    func sigtermEndsWithinTheUnitsStopTimeoutAndNothingIsLost(overTLS: Bool) throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.faults = try FaultSpec(parsing: "timeout:1")
        configuration.holdSeconds = 120
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        let tls = overTLS ? try TLSFront(backendPort: port) : nil
        let folder = try ChildProcess.seededFolder(claims: 12, badges: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = "\(folder)/state"
        var environment = ChildProcess.environment(folder: folder, port: port, tls: tls)
        // The shipped default: each request may hang for 20 s, longer than the unit lets a stop take.
        environment["BADGEKIOSK_ISSUER_TIMEOUT_SECONDS"] = "20"
        let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state, environment: environment)
        let limit = Date().addingTimeInterval(60)
        while simulator.requests.filter({ $0.fault == .timeout }).count < 4, Date() < limit { usleep(10_000) }
        try #require(simulator.requests.contains { $0.fault == .timeout }, "no request was held")

        let asked = Date()
        let status = service.stop()
        let seconds = Date().timeIntervalSince(asked)
        #expect(status == 0)
        // The unit's TimeoutStopSec, a contract with systemd: past it, systemd kills the service.
        #expect(seconds < 15, "stopping took \(seconds) s")
        #expect(service.log.contains("stopping without waiting for the issuer"))

        // Held awards were abandoned, not lost: after a restart with a healthy issuer each goes once.
        simulator.faults = .none
        let again = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state, environment: environment)
        while try ChildProcess.counts(state)["sent", default: 0] < 12, Date() < limit { usleep(20_000) }
        #expect(again.stop() == 0)
        #expect(try ChildProcess.counts(state) == ["sent": 12])
        let held = Dictionary(grouping: simulator.awards) { "\($0.badge) \($0.email)" }
        #expect(held.count == 12 && held.values.allSatisfy { $0.count == 1 })
    }
}
