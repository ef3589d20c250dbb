import Foundation
import Testing
import TerminalUI

/// `badgekiosk restore` at a terminal: it shows the backup and restores only when the admin types yes.
@Suite("restore asks at a terminal", .serialized)
struct RestorePromptTests {
    private static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("badgekiosk").path
    }

    private func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = ["BADGEKIOSK_CONFIG": "/dev/null"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `arguments` on a new pseudo-terminal, types `answer` once the question shows: the exit code
    /// and everything it wrote.
    private func atTerminal(_ arguments: [String], typing answer: String) throws -> (status: Int32, output: String) {
        let terminal = try PseudoTerminal(executable: Self.binary, arguments: arguments,
                                          environment: ["BADGEKIOSK_CONFIG": "/dev/null"], size: TerminalSize(columns: 120, rows: 24))
        var output = ""
        while !output.contains("Type yes") {
            let bytes = try terminal.read(timeoutMilliseconds: 10_000)
            if bytes.isEmpty { break }
            output += String(decoding: bytes, as: UTF8.self)
        }
        try terminal.send(answer + "\n")
        while true {
            let bytes = try terminal.read(timeoutMilliseconds: 10_000)
            if bytes.isEmpty { break }
            output += String(decoding: bytes, as: UTF8.self)
        }
        let status = terminal.wait()
        return ((status >> 8) & 0xFF, output)
    }

    @Test func onlyYesRestores() throws {
        let folder = NSTemporaryDirectory() + "badgekiosk-restore-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = "\(folder)/state", copy = "\(folder)/copy.sqlite"
        #expect(try run(["badges", "--state-dir", state, "add", "--id", "day-1", "--name", "Day 1"]) == 0)
        #expect(try run(["backup", copy, "--state-dir", state]) == 0)
        let restore = ["restore", copy, "--state-dir", state]

        let declined = try atTerminal(restore, typing: "no")
        #expect(declined.status == 2)
        #expect(declined.output.contains("The backup \(copy) holds 0 session(s), 0 claim(s), 0 award(s)"))
        #expect(declined.output.contains("nothing was restored: you did not type yes"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).allSatisfy { !$0.contains("before-restore") })

        let confirmed = try atTerminal(restore, typing: "yes")
        #expect(confirmed.status == 0, "\(confirmed.output)")
        #expect(confirmed.output.contains("Restored 0 session(s)"))
        #expect(confirmed.output.contains("The database it replaced is kept as \(state)/badgekiosk.sqlite.before-restore-"))
    }
}
