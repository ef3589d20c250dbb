@preconcurrency import Glibc
import Foundation
import HTTPCore
import HTTPKit
import KioskAPI
import KioskCore
import KioskService
import KioskStore
import Posix
import TerminalUI

/// `badgekiosk bench front`: the real front in a pty against a real service child, measured from
/// the outside: start to first frame, key to frame, bytes a typed letter costs, CPU while idle.
struct FrontBench {
    var idleSeconds: Int
    var keys: Int
    var executable: String
    var directory: String

    static let size = TerminalSize.standard

    func run() throws -> String {
        let state = "\(directory)/state"
        let store = try KioskStore(directory: state)
        try store.upsertBadge(Badge(id: "bench-day-1", name: "Bench Day 1"))
        store.close()
        let service = try ServiceProcess(executable: executable, stateDirectory: state)
        defer { service.stop() }
        try endSession(service)

        let started = MonotonicClock.nanoseconds()
        let pty = try PseudoTerminal(executable: executable, arguments: ["front", "--service", "http://127.0.0.1:\(service.port)",
                                                                          "--state-dir", state],
                                     environment: ["BADGEKIOSK_CONFIG": "/dev/null", "TERM": "linux", "BADGEKIOSK_PIN": "1234"],
                                     size: Self.size)
        defer {
            pty.signal(SIGTERM)
            pty.wait()
        }
        var screen = Screen(pty: pty)
        try screen.waitFor("Left / Right")
        let firstFrame = MonotonicClock.nanoseconds() - started
        try screen.waitFor("claimed")

        try pty.send("\r")
        try screen.waitFor("Were you at this session?")
        try pty.send("\r")
        try screen.waitFor("What is your first name?")

        // Type a name, one letter at a time, waiting for each to appear; Backspace keeps it short.
        var latencies: [UInt64] = []
        var bytes = 0
        var typed = ""
        let letters = Array("AmiraZoëОлена")
        for index in 0..<keys {
            let deleting = typed.count >= 24
            let key = deleting ? "\u{7F}" : String(letters[index % letters.count])
            let expected = deleting ? String(typed.dropLast()) : typed + key
            let sent = MonotonicClock.nanoseconds()
            try pty.send(key)
            bytes += try screen.waitForField(expected)
            latencies.append(MonotonicClock.nanoseconds() - sent)
            typed = expected
        }

        // Back to the first screen, then nothing at all for the idle period.
        try pty.send("\u{1B}")
        try screen.waitFor("Were you at this session?")
        try pty.send("\u{1B}")
        try screen.waitFor("Left / Right")
        let before = try cpuSeconds(pty.pid)
        Thread.sleep(forTimeInterval: Double(idleSeconds))
        let idle = try cpuSeconds(pty.pid) - before

        let stats = LatencyStats(nanoseconds: latencies)
        return """
        front at \(Self.size): first frame \(format(Double(firstFrame) / 1e6)) ms after start
        key to frame over \(stats.count) keys: p50 \(format(stats.p50)) ms, p99 \(format(stats.p99)) ms, max \(format(stats.max)) ms
        bytes written per typed key: \(format(Double(bytes) / Double(max(1, keys)))) on average
        idle: \(format(idle * 1000)) ms CPU in \(idleSeconds) s = \(String(format: "%.4f", idle / Double(idleSeconds) * 100))% of one core
        """
    }

    private func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// A session with the bench badge, ended, so the first screen shows its QR code.
    private func endSession(_ service: ServiceProcess) throws {
        let client = try HTTPClient(host: "127.0.0.1", port: service.port)
        defer { client.close() }
        let headers = HTTPHeaders([("Authorization", "Bearer \(try service.staffToken())"), ("Content-Type", "application/json")])
        let body = try KioskAPI.encode(SessionRequest(title: "Bench session", badges: ["bench-day-1"], expected: 12))
        let created = try client.send(method: "POST", path: "/api/v1/sessions", headers: headers, body: body)
        let ended = try client.send(method: "POST", path: "/api/v1/sessions/1/end", headers: headers)
        guard created.status == 201, ended.status == 200 else {
            throw RuntimeError("could not prepare a bench session (HTTP \(created.status), \(ended.status))")
        }
    }

    /// User plus system CPU seconds of `pid` (from /proc/PID/stat).
    private func cpuSeconds(_ pid: pid_t) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The front's screen as a replica of what it wrote.
    struct Screen {
        let pty: PseudoTerminal
        var replica = ScreenReplica(size: FrontBench.size)

        init(pty: PseudoTerminal) {
            self.pty = pty
        }

        mutating func waitFor(_ text: String) throws {
            _ = try read { $0.text.contains(text) }
        }

        /// Waits until the name field shows exactly `text`; answers the bytes that took.
        mutating func waitForField(_ text: String) throws -> Int {
            try read { $0.fieldText == text }
        }

        private mutating func read(until done: (ScreenReplica) -> Bool) throws -> Int {
            var count = 0
            let deadline = MonotonicClock.nanoseconds() + 10_000_000_000
            while !done(replica) {
                guard MonotonicClock.nanoseconds() < deadline else {
                    throw RuntimeError("the front did not draw what was expected; its screen:\n\(replica.text)")
                }
                let bytes = try pty.read(timeoutMilliseconds: 100)
                count += bytes.count
                replica.apply(bytes)
            }
            return count
        }
    }
}

extension ScreenReplica {
    /// The text inside the input box (between `│ ` and the caret), for the name field.
    var fieldText: String? {
        let lines = text.split(separator: "\n")
        guard let line = lines.first(where: { $0.contains("│ ") && $0.hasSuffix("│") }) else { return nil }
        let inner = line.drop { $0 != "│" }.dropFirst(2).dropLast()
        var value = String(inner)
        while value.last == " " { value.removeLast() }
        return value
    }
}
