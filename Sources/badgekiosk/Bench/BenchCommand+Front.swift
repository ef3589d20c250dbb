import Foundation

extension BenchCommand {
    /// `bench front`: see `FrontBench`.
    static let frontDeclaration = CommandDeclaration(
        "front", summary: "Time the front's first frame and typing, and its CPU use when idle.",
        description: """
        Runs 'badgekiosk front' in a pseudo-terminal (80x25) against a 'badgekiosk serve'
        child and prints the time to the first frame, key-to-frame latency while typing a name, the
        bytes written per typed key, and the front's CPU use over S idle seconds on the first screen.
        """,
        options: [
            OptionDeclaration("idle-seconds", valueName: "S", doc: "Idle seconds to measure CPU over", defaultValue: .value("60")),
            OptionDeclaration("keys", valueName: "N", doc: "Keys to type for the latency figures", defaultValue: .value("200")),
        ],
        run: front)

    private static func front(_ parsed: ParsedArguments) throws {
        let idleSeconds = try parsed.number("idle-seconds", in: 1...3600)
        let keys = try parsed.number("keys", in: 1...10_000)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        Console.out(try FrontBench(idleSeconds: idleSeconds, keys: keys, executable: try selfExecutable(), directory: directory).run())
    }
}
