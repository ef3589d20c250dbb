import Foundation
import KioskStore
import TestSupport
import Testing

@Suite("badgekiosk programmes")
struct ProgrammesCommandTests {
    @Test func addAndList() throws {
        let folder = NSTemporaryDirectory() + "badgekiosk-programmes-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for id in ["day-1", "day-2", "complete"] {
            let added = try BuiltBinary.run(["badges", "add", "--state-dir", folder, "--id", id, "--name", "Badge \(id)"])
            #expect(added.status == 0, "\(added.err)")
        }
        let add = try BuiltBinary.run(["programmes", "add", "--state-dir", folder, "--name", "Intro to Work",
                                        "--badges", "day-1,day-2", "--completion", "complete"])
        #expect(add.status == 0, "\(add.err)")
        #expect(add.out.hasPrefix("added programme 1: Intro to Work"))
        let list = try BuiltBinary.run(["programmes", "list", "--state-dir", folder])
        #expect(list.status == 0)
        #expect(list.out == "1\tIntro to Work\tday-1,day-2\tcomplete\n")

        let store = try KioskStore(directory: folder)
        defer { store.close() }
        #expect(try store.programmes().map(\.badgeIDs) == [["day-1", "day-2"]])
    }

    @Test(arguments: [
        ["programmes"],
        ["programmes", "remove"],
        ["programmes", "add", "--badges", "day-1,day-2", "--completion", "complete"],
        ["programmes", "add", "--name", "Intro", "--badges", "day-1", "--completion", "complete"],
        ["programmes", "add", "--name", "Intro", "--badges", "day-1,day-2", "--completion", "day-2"],
        ["programmes", "add", "--name", "Intro", "--badges", "day-1,day-9", "--completion", "complete"],
        ["programmes", "list", "--bogus"],
    ])
    func usageErrorsAreOneLineAndExit2(arguments: [String]) throws {
        let folder = NSTemporaryDirectory() + "badgekiosk-programmes-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BuiltBinary.run(arguments + ["--state-dir", folder])
        #expect(result.status == 2)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: "))
    }

    @Test func helpWorks() throws {
        let help = try BuiltBinary.run(["programmes", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("--completion ID"))
        #expect(try BuiltBinary.run(["--help"]).out.contains("programmes"))
    }
}
