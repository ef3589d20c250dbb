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
            OptionDeclaration("idle-seconds", placeholder: "S", doc: "Idle seconds to measure CPU over", defaultValue: .value("60")),
            OptionDeclaration("keys", placeholder: "N", doc: "Keys to type for the latency figures", defaultValue: .value("200")),
        ],
        run: front)

    private static func front(_ parsed: ParsedArguments) throws {
        let idleSeconds = try parsed.number("idle-seconds", in: 1...3600)
        let keys = try parsed.number("keys", in: 1...10_000)
        var template = Array("/tmp/badgekiosk-bench-front-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RuntimeError("cannot make a temporary folder in /tmp") }
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        Console.out(try FrontBench(idleSeconds: idleSeconds, keys: keys, executable: executable, directory: directory).run())
    }
}
