import Foundation
import IssuerSimulator

extension BenchCommand {
    /// `bench soak`: see `SoakRun`.
    static let soakDeclaration = CommandDeclaration(
        "soak", summary: "Claims, issuer faults, kill -9 and restarts for minutes; then check every outcome.",
        description: """
        Sends claims for N minutes (at a steady rate, from several connections) to a
        'badgekiosk serve' child that forwards them to an issuer simulator in this process with
        faults (drops, 5xx, 429, timeouts, resets, slow answers, expiring tokens). It kills the
        service with kill -9 every 10 to 30 s and starts it again on the same state folder. Run as
        root, the state folder is a small tmpfs that is filled up once for several seconds, then
        freed. It samples the service's RSS and open descriptors every 2 s. At the end it lets the
        outbox empty and exits 0 only if every claim answered 201 or 200 is in the database, every
        award is sent, the issuer holds each award exactly once, the service recovered from the full
        disk without a restart, and the RSS and descriptors of the second half (samples taken 10 s
        or more after a start) grew no more than 10% and 4 over the first half.
        """,
        options: [
            OptionDeclaration("minutes", valueName: "N", doc: "How long to send claims", defaultValue: .value("30")),
            OptionDeclaration("connections", valueName: "N", doc: "Concurrent connections", defaultValue: .value("8")),
            OptionDeclaration("rate", valueName: "N", doc: "Claims per second in all", defaultValue: .value("10")),
            OptionDeclaration("seed", valueName: "N", doc: "Fixes the kill moments and the issuer's faults",
                              defaultValue: .described("random, printed")),
            OptionDeclaration("faults", valueName: "SPEC", doc: "The issuer's faults, as for 'badgekiosk issuer-sim'",
                              defaultValue: .value(SoakRun.defaultFaults)),
        ],
        run: soak)

    /// Prints the figures and fails (exit 1) when a check did not hold, keeping its folder for a look.
    private static func soak(_ parsed: ParsedArguments) throws {
        let minutes = try parsed.number("minutes", in: 1...1440)
        let connections = try parsed.number("connections", in: 1...64)
        let rate = try parsed.number("rate", in: 1...1000)
        let seed = try parsed.optionalNumber("seed", in: 0...Int.max).map(UInt64.init) ?? UInt64.random(in: 1...999_999)
        let spec = try parsed.required("faults")
        let faults: FaultSpec
        do {
            faults = try FaultSpec(parsing: spec)
        } catch {
            throw parsed.problem("--faults: \(error)")
        }
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
