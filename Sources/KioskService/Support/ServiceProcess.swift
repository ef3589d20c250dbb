import Foundation

/// `badgekiosk serve` running as a child process on a loopback port: for the load generator and tests.
public final class ServiceProcess: Sendable {
    public let process: Process
    public let port: Int
    public let stateDirectory: String
    /// The child's stderr (its request log) goes here, so nothing blocks on a full pipe.
    public let logPath: String

    /// Starts `executable serve --state-dir DIR --listen 127.0.0.1:0` and waits until it is listening.
    public init(executable: String, stateDirectory: String, environment: [String: String] = [:],
                extraArguments: [String] = []) throws {
        self.stateDirectory = stateDirectory
        logPath = "\(stateDirectory).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--state-dir", stateDirectory, "--listen", "127.0.0.1:0"] + extraArguments
        var childEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BADGEKIOSK_") }
        childEnvironment["BADGEKIOSK_CONFIG"] = "/dev/null"
        childEnvironment.merge(environment) { $1 }
        process.environment = childEnvironment
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        port = try Self.awaitPort(logPath: logPath, process: process)
    }

    /// The child's peak resident set size in kilobytes (VmHWM), while it runs.
    public var peakRSSKilobytes: Int? { statusKilobytes("VmHWM:") }

    /// The child's resident set size now, in kilobytes (VmRSS), while it runs.
    public var residentKilobytes: Int? { statusKilobytes("VmRSS:") }

    /// How many file descriptors the child has open now (the entries of /proc/PID/fd), while it runs.
    public var openDescriptors: Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd"))?.count
    }

    /// The staff token the child made in its state folder at its first start.
    public func staffToken() throws -> String {
        try StaffToken.loadOrCreate(in: stateDirectory).value
    }

    /// User plus system CPU time the child has used so far, in seconds (from /proc/PID/stat).
    public func cpuSeconds() throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
        // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Bytes the child has handed to write calls so far (`wchar` in /proc/PID/io): its store's log and
    /// file, and its request log. Unlike time, the same work writes the same bytes on a busy machine.
    public func bytesWritten() throws -> Int64 {
        let io = try String(contentsOfFile: "/proc/\(process.processIdentifier)/io", encoding: .utf8)
        let line = io.split(separator: "\n").first { $0.hasPrefix("wchar:") }
        return line.flatMap { Int64($0.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    /// Sends `signal` and waits for the child to exit; returns its exit status.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// A `kB` line of /proc/PID/status, e.g. `VmRSS:    12345 kB`.
    private func statusKilobytes(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    private static func awaitPort(logPath: String, process: Process) throws -> Int {
        let marker = "listening on 127.0.0.1:"
        for _ in 0..<1000 {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let range = text.range(of: marker) {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return port }
            }
            guard process.isRunning else { break }
            usleep(10_000)
        }
        if process.isRunning { process.terminate() }
        throw ServiceProcessError(log: (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")
    }
}

/// The child service did not start listening; carries what it wrote to stderr.
public struct ServiceProcessError: Error, CustomStringConvertible {
    public var log: String
    public var description: String { "the service did not start: \(log.split(separator: "\n").last ?? "no output")" }
}
