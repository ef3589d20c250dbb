import Foundation

extension BenchCommand {
    /// `bench front [--idle-seconds S] [--keys N]`: see `FrontBench`.
    static func front(_ arguments: Arguments) throws {
        var arguments = arguments
        let idleSeconds = try arguments.number("idle-seconds", in: 1...3600) ?? 60
        let keys = try arguments.number("keys", in: 1...10_000) ?? 200
        try arguments.finish()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        Console.out(try FrontBench(idleSeconds: idleSeconds, keys: keys, executable: try selfExecutable(), directory: directory).run())
    }
}
