import Foundation
import IssuerSimulator

extension BenchCommand {
    /// `bench soak [--minutes N] [--connections N] [--rate N] [--seed N] [--faults SPEC]`: see `SoakRun`.
    /// Prints the figures and fails (exit 1) when a check did not hold, keeping its folder for a look.
    static func soak(_ arguments: Arguments) throws {
        var arguments = arguments
        let minutes = try arguments.number("minutes", in: 1...1440) ?? 30
        let connections = try arguments.number("connections", in: 1...64) ?? 8
        let rate = try arguments.number("rate", in: 1...1000) ?? 10
        let seed = try arguments.number("seed", in: 0...Int.max).map(UInt64.init) ?? UInt64.random(in: 1...999_999)
        let faults: FaultSpec
        do {
            faults = try FaultSpec(parsing: try arguments.option("faults") ?? SoakRun.defaultFaults)
        } catch {
            throw UsageError("--faults: \(error)", command: arguments.command)
        }
        try arguments.finish()
        let directory = try temporaryDirectory()
        let run = SoakRun(minutes: minutes, connections: connections, perSecond: rate, seed: seed, faults: faults,
                          executable: try selfExecutable(), directory: directory)
        let report = try run.run()
        Console.out(report.text)
        guard report.passed else {
            throw RuntimeError("the soak failed a check; the service's log (and a copy of its database) are in \(directory)")
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
