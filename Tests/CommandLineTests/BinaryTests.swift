import Foundation
import TestSupport
import Testing

/// The built `badgekiosk` beside the test bundle, run as a user would run it.
@Suite("The badgekiosk binary's command line", .serialized)
struct BinaryTests {
    @Test func noArgumentsShowsTheUsageOnStandardErrorAndExits2() throws {
        let result = try BuiltBinary.run([])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("Usage: badgekiosk <command> [options]"))
        #expect(result.err.contains("issuer-sim"))
    }

    @Test func badgesTakesTheStateFolderBeforeTheAction() throws {
        let folder = NSTemporaryDirectory() + "badgekiosk-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let added = try BuiltBinary.run(["badges", "--state-dir", folder, "add", "--id", "day-1", "--name", "Day 1"])
        #expect(added.status == 0, "\(added.err)")
        let listed = try BuiltBinary.run(["badges", "--state-dir", folder, "list"])
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out == "day-1\tDay 1\n")
    }

    @Test func versionNamesTheCommitOrSaysItIsADevelopmentBuild() throws {
        for words in [["--version"], ["version"]] {
            let result = try BuiltBinary.run(words)
            #expect(result.status == 0)
            let line = result.out.trimmingCharacters(in: .newlines)
            #expect(line.wholeMatch(of: /badgekiosk \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,40}|unknown: a development build)\)/) != nil, "\(line)")
        }
    }

    @Test(arguments: [["serve", "--listen", "a:1", "--listen", "b:2"], ["sevre"], ["badges", "list", "--state-dri", "x"],
                      ["qr"], ["qr", "a", "b"], ["outbox", "resend", "--state-dir"], ["--bogus"]])
    func mistakesAreOneLineOnStandardErrorAndExit2(arguments: [String]) throws {
        let result = try BuiltBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: "))
        #expect(result.err.contains("(see 'badgekiosk"))
    }

    @Test func unknownOptionSuggestsTheNearest() throws {
        let result = try BuiltBinary.run(["serve", "--state-dri", "/tmp/x"])
        #expect(result.err == "badgekiosk: unknown option '--state-dri'; did you mean '--state-dir'? (see 'badgekiosk serve --help')\n")
    }

    @Test func helpGoesToStandardOutputAndExits0() throws {
        for words in [["--help"], ["-h"], ["badges", "add", "-h"], ["bench", "--help", "soak"], ["help", "outbox"]] {
            let result = try BuiltBinary.run(words)
            #expect(result.status == 0, "\(words)")
            #expect(result.out.contains("Usage: badgekiosk"), "\(words)")
            #expect(result.err.isEmpty)
        }
    }
}
