import Foundation
import HTTPCore
import HTTPKit
import IssuerSimulator
import KioskAPI
import KioskCore
import KioskService
import KioskStore
import Posix

/// `badgekiosk bench claims|healthz|idle|drain|front|soak`: measurements against a fresh `badgekiosk serve` child.
enum BenchCommand {
    static let declaration = CommandDeclaration(
        "bench", summary: "Measure the service (claims, healthz, idle, drain, front, soak, prefill).",
        description: """
        Each benchmark starts 'badgekiosk serve' on a loopback port with a fresh state folder and
        prints what it measured. They need no settings and leave nothing behind.
        """,
        actions: [
            claimsDeclaration,
            prefillDeclaration,
            load("healthz", summary: "Ask GET /healthz.", measures: "asks GET /healthz"),
            load("idle", summary: "Hold connections open doing nothing; print the server's CPU time meanwhile.",
                 measures: "holds N connections open doing nothing and prints the CPU time the server used meanwhile"),
            CommandDeclaration(
                "drain", summary: "Forward N queued awards to an issuer simulator and time the outbox emptying.",
                description: """
                Seeds N queued awards in a fresh store, starts an issuer simulator in this process
                (with the faults given, as for 'badgekiosk issuer-sim') and 'badgekiosk serve' forwarding to
                it, and prints how long the outbox took to empty, awards/s, whether the issuer got each award
                exactly once, and the server's peak RSS.
                """,
                options: [
                    OptionDeclaration("awards", valueName: "N", doc: "Awards to forward", defaultValue: .value("10000")),
                    OptionDeclaration("faults", valueName: "SPEC", doc: "Faults the simulator injects, as for 'badgekiosk issuer-sim'",
                                      defaultValue: .described("none")),
                    OptionDeclaration("concurrency", valueName: "N", doc: "Awards sent at once", defaultValue: .value("4")),
                ],
                run: drain),
            frontDeclaration,
            soakDeclaration,
        ])

    /// `bench claims|healthz|idle`: N keep-alive connections for S seconds.
    static func load(_ name: String, summary: String, measures: String,
                          extra: [OptionDeclaration] = [], run: CommandDeclaration.Handler? = nil) -> CommandDeclaration {
        CommandDeclaration(
            name, summary: summary,
            description: """
            Starts 'badgekiosk serve' on a loopback port with a fresh state folder, drives it from N
            keep-alive connections for S seconds, then prints requests/s, p50/p99/max latency and the
            server's peak RSS.

            '\(name)' \(measures).
            """,
            options: [
                OptionDeclaration("connections", valueName: "N", doc: "Concurrent connections", defaultValue: .value("64")),
                OptionDeclaration("seconds", valueName: "S", doc: "How long to run", defaultValue: .value("10")),
            ] + extra,
            run: run ?? { parsed in try load(parsed, target: name) })
    }

    /// The peak RSS `server` reached, for the printed reports.
    static func peakRSS(_ server: ServiceProcess) -> String {
        server.peakRSSKilobytes.map { String(format: "%.1f MB", Double($0) / 1024) } ?? "unknown"
    }

    private static func load(_ parsed: ParsedArguments, target: String) throws {
        let connections = try parsed.number("connections", in: 1...1000)
        let seconds = try parsed.number("seconds", in: 1...3600)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServiceProcess(executable: try coldCopyOfSelf(in: directory), stateDirectory: "\(directory)/state")
        defer { server.stop() }
        if target == "idle" { return try measureIdle(server: server, connections: connections, seconds: seconds) }
        let result = try LoadRun(port: server.port, connections: connections, seconds: seconds, request: HealthRequests()).run()
        Console.out(result.report(name: "GET /healthz", peakRSS: peakRSS(server)))
    }

    private static func drain(_ parsed: ParsedArguments) throws {
        let awards = try parsed.number("awards", in: 1...1_000_000)
        let concurrency = try parsed.number("concurrency", in: 1...32)
        var faults = FaultSpec.none
        if let spec = parsed.string("faults") {
            do {
                faults = try FaultSpec(parsing: spec)
            } catch {
                throw parsed.problem("--faults: \(error)")
            }
        }
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

    /// A new empty folder for one run's state, under /tmp.
    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/badgekiosk-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RuntimeError("cannot make a temporary folder in /tmp") }
        return String(cString: made)
    }

    /// This program's own path, to start its `serve` and `front` children.
    static func selfExecutable() throws -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            throw RuntimeError("cannot find this program's own path: \(error)")
        }
    }

    /// A copy of this program in `directory`, out of the page cache, to run the measured service from.
    /// The bench's own pages of it are in the cache, and the kernel maps cached pages around each one
    /// a process touches, so a service run from the same file showed 2–4 MB more RSS than after a boot.
    static func coldCopyOfSelf(in directory: String) throws -> String {
        let copy = "\(directory)/badgekiosk"
        try FileManager.default.copyItem(atPath: try selfExecutable(), toPath: copy)
        try FileDescriptor.dropCachedPages(copy)
        return copy
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
        var codes: [String] = []
        for index in 0..<max(1, (claims + 1199) / 1200) {
            let body = try KioskAPI.encode(SessionRequest(title: "Bench \(index)", badges: badges, expected: 1000))
            let created = try client.send(method: "POST", path: "/api/v1/sessions", headers: headers, body: body)
            let session = try reply(SessionReply.self, from: created, status: 201, doing: "create a bench session").session
            let ended = try client.send(method: "POST", path: "/api/v1/sessions/\(session.id)/end", headers: headers)
            codes.append(try reply(CodeReply.self, from: ended, status: 200, doing: "end a bench session").code.token)
        }
        return codes
    }

    /// The body of `response` as `type`; an error saying what could not be done for any other status or body.
    static func reply<T: Decodable>(_ type: T.Type, from response: HTTPClientResponse, status: Int,
                                    doing what: String) throws -> T {
        guard response.status == status else { throw RuntimeError("could not \(what) (HTTP \(response.status))") }
        do {
            return try KioskAPI.decode(T.self, from: response.body)
        } catch {
            throw RuntimeError("could not \(what): the service's answer could not be read (\(error))")
        }
    }
}
