import Foundation

extension BenchCommand {
    /// `bench front [--idle-seconds S] [--keys N]`: see `FrontBench`.
    static func front(_ arguments: Arguments) throws {
        var arguments = arguments
        let idleSeconds = try arguments.number("idle-seconds", in: 1...3600) ?? 60
        let keys = try arguments.number("keys", in: 1...10_000) ?? 200
        try arguments.finish()
        var template = Array("/tmp/badgekiosk-bench-front-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RuntimeError("cannot make a temporary folder in /tmp") }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        Console.out(try FrontBench(idleSeconds: idleSeconds, keys: keys, executable: executable, directory: directory).run())
    }
}
