import Foundation
import HTTPCore
import HTTPKit
import IssuerSimulator
import KioskCore
import KioskService
import KioskStore

/// `badgekiosk bench claims|healthz|idle|drain|front|soak`: measurements against a fresh `badgekiosk serve` child.
enum BenchCommand {
    static let help = """
    Usage: badgekiosk bench claims [--connections N] [--seconds S]
           badgekiosk bench healthz [--connections N] [--seconds S]
           badgekiosk bench idle [--connections N] [--seconds S]
           badgekiosk bench drain [--awards N] [--faults SPEC] [--concurrency N]
           badgekiosk bench front [--idle-seconds S] [--keys N]
           badgekiosk bench soak [--minutes N] [--connections N] [--rate N] [--seed N] [--faults SPEC]

    Starts 'badgekiosk serve' on a loopback port with a fresh state folder, drives it from N
    keep-alive connections for S seconds, then prints requests/s, p50/p99/max latency and the
    server's peak RSS. 'claims' posts claims (each answered only once it is on disk);
    'healthz' asks GET /healthz; 'idle' holds N connections open doing nothing and prints
    the CPU time the server used meanwhile.

    'drain' seeds N queued awards in a fresh store, starts an issuer simulator in this process
    (with the faults given, as for 'badgekiosk issuer-sim') and 'badgekiosk serve' forwarding to
    it, and prints how long the outbox took to empty, awards/s, whether the issuer got each award
    exactly once, and the server's peak RSS.

    'front' runs 'badgekiosk front' in a pseudo-terminal (80x25) against a 'badgekiosk serve'
    child and prints the time to the first frame, key-to-frame latency while typing a name, the
    bytes written per typed key, and the front's CPU use over S idle seconds on the first screen.

    'soak' sends claims for N minutes (at a steady rate, from several connections) to a
    'badgekiosk serve' child that forwards them to an issuer simulator in this process with
    faults (drops, 5xx, 429, timeouts, resets, slow answers, expiring tokens). It kills the
    service with kill -9 every 10 to 30 s and starts it again on the same state folder. Run as
    root, the state folder is a small tmpfs that is filled up once for several seconds, then
    freed. It samples the service's RSS and open descriptors every 2 s. At the end it lets the
    outbox empty and exits 0 only if every claim answered 201 or 200 is in the database, every
    award is sent, the issuer holds each award exactly once, the service recovered from the full
    disk without a restart, and the RSS and descriptors of the second half (samples taken 10 s
    or more after a start) grew no more than 10% and 4 over the first half.

    Options:
      --connections N  Concurrent connections (default 64).
      --seconds S      How long to run (default 10).
      --awards N       drain: awards to forward (default 10000).
      --faults SPEC    drain: faults the simulator injects (default none).
      --concurrency N  drain: awards sent at once (default 4).
      --idle-seconds S front: idle seconds to measure CPU over (default 60).
      --keys N         front: keys to type for the latency figures (default 200).
      --minutes N      soak: how long to send claims (default 30).
      --rate N         soak: claims per second in all (default 10); --connections defaults to 8.
      --seed N         soak: fixes the kill moments and the issuer's faults (default: random, printed).
      --faults SPEC    soak: the issuer's faults (default \(SoakRun.defaultFaults)).
    """

    static func run(_ arguments: Arguments) throws {
        var arguments = arguments
        if arguments.flag("help") { return Console.out(help) }
        guard let target = arguments.positional() else {
            throw UsageError("say 'claims', 'healthz', 'idle', 'drain', 'front' or 'soak'", command: arguments.command)
        }
        if target == "drain" { return try drain(arguments) }
        if target == "front" { return try front(arguments) }
        if target == "soak" { return try soak(arguments) }
        let connections = try arguments.number("connections", in: 1...1000) ?? 64
        let seconds = try arguments.number("seconds", in: 1...3600) ?? 10
        try arguments.finish()
        guard ["claims", "healthz", "idle"].contains(target) else {
            throw UsageError("unknown benchmark '\(target)': say 'claims', 'healthz', 'idle', 'drain', 'front' or 'soak'",
                             command: arguments.command)
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        if target == "claims" {
            try seedCatalogue([Badge(id: "bench-day-1", name: "Bench Day 1"), Badge(id: "bench-day-2", name: "Bench Day 2")],
                              state: "\(directory)/state")
        }
        let server = try ServiceProcess(executable: try selfExecutable(), stateDirectory: "\(directory)/state")
        defer { server.stop() }
        if target == "idle" { return try measureIdle(server: server, connections: connections, seconds: seconds) }
        let load: LoadRun
        if target == "claims" {
            let codes = try prepareCodes(server: server, claims: seconds * 30_000, badges: ["bench-day-1", "bench-day-2"])
            load = LoadRun(port: server.port, connections: connections, seconds: seconds,
                           request: ClaimRequests(codes: codes, claimsPerCode: 1200, staffToken: try server.staffToken()))
        } else {
            load = LoadRun(port: server.port, connections: connections, seconds: seconds, request: HealthRequests())
        }
        let result = try load.run()
        let peak = server.peakRSSKilobytes.map { String(format: "%.1f MB", Double($0) / 1024) } ?? "unknown"
        Console.out(result.report(name: target == "claims" ? "claims" : "GET /healthz", peakRSS: peak))
    }

    private static func drain(_ arguments: Arguments) throws {
        var arguments = arguments
        let awards = try arguments.number("awards", in: 1...1_000_000) ?? 10_000
        let concurrency = try arguments.number("concurrency", in: 1...32) ?? 4
        var faults = FaultSpec.none
        if let spec = try arguments.option("faults") {
            do {
                faults = try FaultSpec(parsing: spec)
            } catch {
                throw UsageError("--faults: \(error)", command: arguments.command)
            }
        }
        try arguments.finish()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = DrainRun(awards: awards, faults: faults, concurrency: concurrency,
                           executable: try selfExecutable(), directory: directory)
        Console.out(try run.run())
    }

    /// CPU the server uses while `connections` keep-alive connections sit open and silent.
    private static func measureIdle(server: ServiceProcess, connections: Int, seconds: Int) throws {
        let clients = try (0..<connections).map { index in
            try HTTPClient(host: "127.0.0.1", port: server.port, sourceAddress: LoadRun.phoneAddress(index))
        }
        defer { clients.forEach { $0.close() } }
        for client in clients { _ = try client.send(method: "GET", path: "/healthz") }
        let before = try server.cpuSeconds()
        Thread.sleep(forTimeInterval: Double(seconds))
        let used = try server.cpuSeconds() - before
        Console.out("""
        idle: \(String(format: "%.3f", used * 1000)) ms CPU in \(seconds) s with \(connections) open connections \
        = \(String(format: "%.4f", used / Double(seconds) * 100))% of one core
        """)
    }

    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/badgekiosk-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RuntimeError("cannot make a temporary folder in /tmp") }
        return String(cString: made)
    }

    static func selfExecutable() throws -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            throw RuntimeError("cannot find this program's own path: \(error)")
        }
    }

    /// The store in `state` made if need be, with `badges` in its catalogue.
    static func seedCatalogue(_ badges: [Badge], state: String) throws {
        let store = try KioskStore(directory: state)
        defer { store.close() }
        try store.upsertBadges(badges)
    }

    /// Enough sessions with `badges`, each ended with a code admitting 1,200 learners, for `claims` claims.
    static func prepareCodes(server: ServiceProcess, claims: Int, badges: [String]) throws -> [String] {
        let client = try HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let headers = HTTPHeaders([("Authorization", "Bearer \(try server.staffToken())"), ("Content-Type", "application/json")])
        let badgeList = badges.map { #""\#($0)""# }.joined(separator: ",")
        var codes: [String] = []
        for index in 0..<max(1, (claims + 1199) / 1200) {
            let body = #"{"title":"Bench \#(index)","badges":[\#(badgeList)],"expected":1000}"#
            let created = try client.send(method: "POST", path: "/api/v1/sessions", headers: headers, body: Array(body.utf8))
            guard created.status == 201, let id = field(created.body, "session", "id") as? Int else {
                throw RuntimeError("could not create a bench session (HTTP \(created.status))")
            }
            let ended = try client.send(method: "POST", path: "/api/v1/sessions/\(id)/end", headers: headers)
            guard ended.status == 200, let code = field(ended.body, "code", "token") as? String else {
                throw RuntimeError("could not end a bench session (HTTP \(ended.status))")
            }
            codes.append(code)
        }
        return codes
    }

    /// `body.object.key` of a JSON reply.
    static func field(_ body: [UInt8], _ object: String, _ key: String) -> Any? {
        let root = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        return (root?[object] as? [String: Any])?[key]
    }
}
