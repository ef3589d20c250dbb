import Foundation
import TestSupport
import Testing
import IssuerSimulator
import KioskService
import KioskStore

@Suite("Power cuts mid-drain", .serialized)
struct CrashTests {
    @Test(arguments: [false, true])
    func killNineTenTimesMidDrainOfAThousandAwardsStillSendsEachOnce(overTLS: Bool) throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.seed = 9
        // Slow answers keep requests in flight, so most kills land between a send and its commit.
        // Lost answers (recorded, then dropped, 10%) on top, as a flaky venue link loses them, and the rest.
        configuration.faults = try FaultSpec(parsing: "slow:0.3,drop:0.1,500:0.05,reset:0.03,429:0.02")
        configuration.retryAfterSeconds = 0
        configuration.slowSeconds = 0.1
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        defer { simulator.shutdown() }
        let tls = overTLS ? try TLSFront(backendPort: port) : nil
        let folder = try ChildProcess.seededFolder(claims: 500, badges: 2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = "\(folder)/state"
        let environment = ChildProcess.environment(folder: folder, port: port, tls: tls)
        let limit = Date().addingTimeInterval(240)
        for _ in 0..<10 {
            let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state, environment: environment)
            let target = min(1000, simulator.awards.count + 60)
            while simulator.awards.count < target, Date() < limit { usleep(2_000) }
            #expect(service.stop(signal: SIGKILL) == SIGKILL)
        }
        #expect(try ChildProcess.counts(state)["sending", default: 0] > 0, "no kill landed mid-send")
        let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state, environment: environment)
        while try ChildProcess.counts(state)["sent", default: 0] < 1000, Date() < limit { usleep(20_000) }
        #expect(service.stop() == 0)
        #expect(try ChildProcess.counts(state) == ["sent": 1000])
        let held = Dictionary(grouping: simulator.awards) { "\($0.badge) \($0.email)" }
        #expect(held.count == 1000)
        #expect(held.values.allSatisfy { $0.count == 1 }, "a learner got a badge twice")
        #expect(service.log.contains("looked up at the issuer before it is sent again"))
    }
}
