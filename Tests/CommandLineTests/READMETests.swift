import Foundation
import Testing

/// README.md's shell snippets, run as a newcomer would paste them: in order, in one bash, in an
/// empty folder, with the built `badgekiosk` first on the PATH.
///
/// The convention: every ```sh block runs, unless the line just above its fence (blank lines aside)
/// is `<!-- readme-test: skip (why) -->` — the interactive demo and front, `sudo kiosk/install`, the
/// test command itself. Blocks with any other tag (```ini, ```text) never run. The snippets start
/// what they need on the ports they name (127.0.0.1:PORT), wait for it, and stop it; the test checks
/// those ports are free first, and that nothing they started is still running at the end.
@Suite("README.md's snippets", .serialized)
struct READMETests {
    /// One ```sh block: where it starts in README.md, and its lines.
    struct Snippet: Equatable {
        var line: Int
        var body: String
    }

    static let skipMarker = "<!-- readme-test: skip"

    /// The ```sh blocks of `markdown` that the test runs, in order.
    static func runnableSnippets(_ markdown: String) -> [Snippet] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var snippets: [Snippet] = []
        var skipNext = false
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                let tag = line.dropFirst(3)
                var end = index + 1
                while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
                if tag == "sh", !skipNext {
                    snippets.append(Snippet(line: index + 1, body: lines[(index + 1)..<min(end, lines.count)].joined(separator: "\n")))
                }
                skipNext = false
                index = end + 1
                continue
            }
            if line.hasPrefix(skipMarker) {
                skipNext = true
            } else if !line.isEmpty {
                skipNext = false
            }
            index += 1
        }
        return snippets
    }

    /// The ports the snippets use on this machine, so the test can say when one is taken.
    static func ports(_ snippets: [Snippet]) -> [Int] {
        let found = snippets.flatMap { $0.body.matches(of: /127\.0\.0\.1:(\d+)/).compactMap { Int($0.output.1) } }
        return Array(Set(found)).sorted()
    }

    /// One bash script: the snippets in order, each announced on the output so a failure can be
    /// traced to its snippet.
    static func script(_ snippets: [Snippet]) -> String {
        let ports = ports(snippets).map(String.init).joined(separator: " ")
        var script = """
            set -euo pipefail
            for port in \(ports); do
              if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
                echo "port $port is in use: the README's snippets need it free"; exit 1
              fi
            done
            finish() {
              status=$?
              left=$(jobs -pr)
              if [ -n "$left" ]; then
                echo "still running after the snippets: $(ps -o args= -p $left | tr '\\n' ';')"
                kill $left 2>/dev/null || true
                [ "$status" -ne 0 ] || status=1
              fi
              exit $status
            }
            trap finish EXIT

            """
        for (number, snippet) in snippets.enumerated() {
            script += "echo \"==> snippet \(number + 1) (README.md line \(snippet.line))\"\n\(snippet.body)\n"
        }
        return script
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binaryFolder: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    }

    @Test func theSnippetsRunAsPastedInOrder() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let snippets = Self.runnableSnippets(readme)
        #expect(snippets.count >= 4)
        let folder = NSTemporaryDirectory() + "badgekiosk-readme-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scriptPath = "\(folder)/.readme-snippets.sh"
        try Self.script(snippets).write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let outputPath = "\(folder)/.readme-output.txt"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))

        let process = Process()
        // timeout(1) puts the script in its own process group and ends the whole group if a snippet hangs.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", "120", "/bin/bash", scriptPath]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BADGEKIOSK_") }
        environment["PATH"] = Self.binaryFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        try output.close()

        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        // The output from the last snippet announced on: the one that failed, or left something running.
        let last = text.components(separatedBy: "==> snippet ").last ?? text
        let snippet = Int(last.prefix { $0.isNumber }).map { snippets[$0 - 1] }
        #expect(process.terminationStatus == 0, """
            README.md's snippets failed (exit \(process.terminationStatus)) in \
            \(snippet.map { "the snippet at README.md line \($0.line):\n\($0.body)" } ?? "the test's own checks:")
            --- its output ---
            \(snippet == nil ? text : last)
            """)

        // What the snippets leave behind in a clone is ignored by git.
        let made = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".readme-") }
        #expect(!made.isEmpty)
        let gitignore = try String(contentsOf: Self.repository.appendingPathComponent(".gitignore"), encoding: .utf8)
        for name in made {
            #expect(Self.ignored(name, by: gitignore), "\(name), made by README.md's snippets, is not in .gitignore")
        }
    }

    /// Whether a top-level `name` is covered by one of `gitignore`'s simple patterns (`name`, `name/`,
    /// `prefix*suffix`), the only kinds this repository's .gitignore uses.
    static func ignored(_ name: String, by gitignore: String) -> Bool {
        gitignore.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .contains { pattern in
                let plain = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
                let parts = plain.split(separator: "*", omittingEmptySubsequences: false)
                guard parts.count == 2 else { return plain == name }
                return name.count >= plain.count - 1 && name.hasPrefix(parts[0]) && name.hasSuffix(parts[1])
            }
    }

    @Test func ciRunsTheREADMEsTestCommand() throws {
        let ci = try String(contentsOf: Self.repository.appendingPathComponent(".ci/run"), encoding: .utf8)
        let last = try #require(ci.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```sh\n\(last)\n```"), ".ci/run ends with '\(last)', which README.md does not give as its test command")
    }

    @Test func onlyShellBlocksWithoutTheSkipMarkerRun() {
        let markdown = """
            ```sh
            echo one
            ```
            <!-- readme-test: skip (interactive) -->

            ```sh
            badgekiosk demo
            ```
            ```ini
            [service]
            ```
            ```sh
            echo two
            echo three
            ```
            """
        #expect(Self.runnableSnippets(markdown) == [Snippet(line: 1, body: "echo one"), Snippet(line: 12, body: "echo two\necho three")])
        #expect(Self.ports([Snippet(line: 1, body: "curl 127.0.0.1:8090 127.0.0.1:8080; x 127.0.0.1:8080")]) == [8080, 8090])
        #expect(Self.ignored(".badgekiosk-try", by: ".badgekiosk-*/\n"))
        #expect(Self.ignored("issuer-sim.log", by: "*.log\n"))
        #expect(!Self.ignored("forward.conf", by: "*.deb\n.build/\n"))
    }
}
