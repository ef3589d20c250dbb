import Foundation
import HTTPKit
import KioskCore
import KioskService
import KioskStore

/// `bench claims [--prefill N]`: durable claims against a fresh store and, with `--prefill`, against
/// one already holding N claims, as a kiosk's store does after years of use.
extension BenchCommand {
    static let claimsDeclaration = load(
        "claims", summary: "Post claims, each answered only once it is on disk; --prefill N also on a store of N claims.",
        measures: """
        posts claims (each answered only once it is on disk), then reads the summaries the front, \
        /metrics and the doctor read often. With --prefill N it then does the same again on a store \
        first filled with N claims (sent, and purged of names and emails as the retention purge does), \
        the service restarted on it as after a reboot, and prints both
        """,
        extra: [OptionDeclaration("prefill", valueName: "N", doc: "Claims already stored for the second run",
                                  defaultValue: .described("none: a fresh store only"))],
        run: claims)

    /// `bench prefill`: the same filling into a state folder of one's own, for measuring with other tools.
    static let prefillDeclaration = CommandDeclaration(
        "prefill", summary: "Fill a state folder's store with N claims, as 'bench claims --prefill N' does.",
        description: """
        Adds N claims to the store in DIR (made if need be) the way 'bench claims --prefill' does:
        sessions of 25 learners spread over three years, every award sent, names and emails older than
        30 days purged. Run it with no service on that folder, then start 'badgekiosk serve' on it to
        measure with a load generator of your own.
        """,
        options: [
            OptionDeclaration("state-dir", valueName: "DIR", doc: "The state folder to fill", defaultValue: .described("required")),
            OptionDeclaration("claims", valueName: "N", doc: "Claims to add (0: only the bench's badges)", defaultValue: .value("400000")),
        ],
        run: prefill)

    private static func prefill(_ parsed: ParsedArguments) throws {
        let state = try parsed.required("state-dir")
        let claims = try parsed.number("claims", in: 0...5_000_000)
        try seedCatalogue(benchBadges, state: state)
        let took = try StorePrefill(claims: claims, badgeIDs: benchBadges.map(\.id)).run(state: state)
        Console.out("added \(claims) claims to \(state) in \(String(format: "%.1f", took)) s; store \(storeSize(state))")
    }

    static let benchBadges = [Badge(id: "bench-day-1", name: "Bench Day 1"), Badge(id: "bench-day-2", name: "Bench Day 2")]

    private static func claims(_ parsed: ParsedArguments) throws {
        let connections = try parsed.number("connections", in: 1...1000)
        let seconds = try parsed.number("seconds", in: 1...3600)
        let prefill = parsed.string("prefill") == nil ? 0 : try parsed.number("prefill", in: 1...5_000_000)
        Console.out("fresh store:")
        Console.out(try claimRun(prefill: 0, connections: connections, seconds: seconds))
        guard prefill > 0 else { return }
        Console.out("\nstore with \(prefill) claims already:")
        Console.out(try claimRun(prefill: prefill, connections: connections, seconds: seconds))
    }

    /// One claims run on its own temporary store, `prefill` claims stored first.
    private static func claimRun(prefill: Int, connections: Int, seconds: Int) throws -> String {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = "\(directory)/state"
        try seedCatalogue(benchBadges, state: state)
        var lines: [String] = []
        if prefill > 0 {
            let took = try StorePrefill(claims: prefill, badgeIDs: benchBadges.map(\.id)).run(state: state)
            lines.append("prefilled \(prefill) claims in \(String(format: "%.1f", took)) s; store \(storeSize(state))")
        }
        let server = try ServiceProcess(executable: try coldCopyOfSelf(in: directory), stateDirectory: state)
        defer { server.stop() }
        let token = try server.staffToken()
        let before = try SummaryTimings.measure(port: server.port, staffToken: token)
        let codes = try prepareCodes(server: server, claims: seconds * 30_000, badges: benchBadges.map(\.id))
        let written = try server.bytesWritten()
        let commits = try writerCounts(port: server.port)
        let result = try LoadRun(port: server.port, connections: connections, seconds: seconds,
                                 request: ClaimRequests(codes: codes, claimsPerCode: 1200, staffToken: token)).run()
        // Read before the summaries after the run, whose month of bench claims is no kiosk's month.
        lines.append(result.report(name: "claims", peakRSS: peakRSS(server)))
        let after = try SummaryTimings.measure(port: server.port, staffToken: token)
        let perClaim = Double(try server.bytesWritten() - written) / Double(max(1, result.succeeded))
        let committed = try writerCounts(port: server.port)
        let jobs = Double(committed.jobs - commits.jobs) / Double(max(1, committed.commits - commits.commits))
        lines.append("""
            server wrote \(String(format: "%.1f", perClaim / 1024)) KB per claim (store and request log); \
            \(committed.commits - commits.commits) commits, \(String(format: "%.1f", jobs)) writes each
            """)
        lines.append("summaries before the run (median / max of \(SummaryTimings.rounds) reads):")
        lines += before.lines
        lines.append("summaries after it, with its claims queued for the issuer:")
        lines += after.lines
        return lines.joined(separator: "\n")
    }

    /// The store's commits and write jobs so far, from the service's `/metrics`.
    private static func writerCounts(port: Int) throws -> (commits: Int, jobs: Int) {
        let client = try HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        let text = String(decoding: try client.send(method: "GET", path: "/metrics").body, as: UTF8.self)
        func counter(_ name: String) -> Int {
            let line = text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            return line.flatMap { Int($0.dropFirst(name.count + 1)) } ?? 0
        }
        return (counter("badgekiosk_store_commits_total"), counter("badgekiosk_store_write_jobs_total"))
    }

    /// The store file's size with its write-ahead log, in MB.
    private static func storeSize(_ state: String) -> String {
        let bytes = [KioskStore.fileName, KioskStore.fileName + "-wal"].reduce(Int64(0)) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: "\(state)/\(name)")
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
        return String(format: "%.0f MB", Double(bytes) / 1_048_576)
    }
}
