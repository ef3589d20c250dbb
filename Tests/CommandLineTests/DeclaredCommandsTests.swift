@testable import badgekiosk
import Testing

/// Every command and action badgekiosk declares, as the words that name it: `["badges", "add"]`.
private let everyCommandPath: [[String]] = {
    func paths(_ declaration: CommandDeclaration, _ prefix: [String]) -> [[String]] {
        [prefix] + declaration.actions.flatMap { paths($0, prefix + [$0.name]) }
    }
    return paths(Command.declaration, [])
}()

@Suite("badgekiosk's commands")
struct DeclaredCommandsTests {
    @Test func declarationsAreSound() {
        #expect(Command.declaration.problems() == [])
    }

    @Test func everyCommandAndActionIsCovered() {
        let named = Set(everyCommandPath.map { $0.joined(separator: " ") })
        for expected in ["demo", "serve", "front", "qr", "badges add", "badges list", "badges sync", "programmes add",
                         "programmes list", "outbox", "outbox resend", "outbox arrived", "status", "report", "doctor", "backup", "restore",
                         "setup", "issuer-sim", "bench claims", "bench healthz", "bench idle", "bench drain", "bench front",
                         "bench soak", "version", "help"] {
            #expect(named.contains(expected), "\(expected)")
        }
    }

    @Test(arguments: everyCommandPath)
    func helpIsGeneratedForEveryCommandAndAction(path: [String]) throws {
        for flag in ["-h", "--help"] {
            for words in [path + [flag], [flag] + path] {
                let parsed = try CommandParser.parse(words, against: Command.declaration)
                #expect(parsed.helpRequested)
                #expect(parsed.path == ["badgekiosk"] + path)
                let help = HelpText.text(for: parsed)
                #expect(help.contains("Usage: badgekiosk"))
                #expect(help.contains((["badgekiosk"] + path).joined(separator: " ")))
                for option in parsed.options {
                    #expect(help.contains(option.helpLabel), "\(words): \(option.spelling)")
                }
                for action in parsed.declaration.actions {
                    #expect(help.contains("  \(action.name) "), "\(words): \(action.name)")
                }
                #expect(help.contains("-h, --help"))
                #expect(!parsed.declaration.summary.isEmpty)
            }
        }
    }

    @Test func helpLinesFitTheTerminal() throws {
        for path in everyCommandPath {
            let help = HelpText.text(for: try CommandParser.parse(path + ["--help"], against: Command.declaration))
            // A single word longer than the line (a fault list) cannot be wrapped.
            for line in help.split(separator: "\n") where line.drop(while: { $0 == " " }).contains(" ") {
                #expect(line.count <= HelpText.width, "\(path): \(line)")
            }
        }
    }

    @Test func topLevelHelpListsEveryCommand() throws {
        let help = HelpText.text(for: try CommandParser.parse(["--help"], against: Command.declaration))
        #expect(help.hasPrefix("badgekiosk — hand out digital badges the moment a session ends."))
        for command in Command.declaration.actions {
            #expect(help.contains("  \(command.name) ") && help.contains(command.summary), "\(command.name)")
        }
        #expect(help.contains("--version"))
    }

    @Test func todaysWordingIsKept() throws {
        func help(_ words: String...) throws -> String {
            HelpText.text(for: try CommandParser.parse(words + ["-h"], against: Command.declaration))
        }
        #expect(try help("demo").contains("Press F2 and type the PIN to act as the volunteer"))
        #expect(try help("serve").contains("BADGEKIOSK_<KEY>"))
        #expect(try help("front").contains("behind\nthe volunteer PIN (F2)"))
        #expect(try help("badges").contains("badgekiosk badges add --id ID --name NAME [--description TEXT] [--state-dir DIR]"))
        #expect(try help("badges", "add").contains("navigatr.app/badge/3425"))
        #expect(try help("programmes").contains("--completion ID"))
        #expect(try help("outbox").contains("badgekiosk outbox resend AWARD [--state-dir DIR] [--config FILE]"))
        #expect(try help("bench", "soak").contains("kill -9 every 10 to 30 s"))
        #expect(try help("setup").contains("--issuer-secret-file FILE") && help("setup").contains("never from the command line"))
    }

    @Test func badgesTakesTheStateFolderBeforeTheAction() throws {
        let parsed = try CommandParser.parse(["badges", "--state-dir", "D", "list"], against: Command.declaration)
        #expect(parsed.path == ["badgekiosk", "badges", "list"])
        #expect(parsed.settingOverrides.map { "\($0.0)=\($0.1)" } == ["state_dir=D"])
    }

    @Test func serveAndFrontTurnTheirOptionsIntoSettings() throws {
        let serve = try CommandParser.parse(["serve", "--listen", "127.0.0.1:0", "--state-dir=S", "--config", "F"],
                                            against: Command.declaration)
        #expect(serve.settingOverrides.map { "\($0.0)=\($0.1)" } == ["listen=127.0.0.1:0", "state_dir=S"])
        #expect(serve.string("config") == "F")
        let front = try CommandParser.parse(["front", "--service", "http://127.0.0.1:9"], against: Command.declaration)
        #expect(front.settingOverrides.map { "\($0.0)=\($0.1)" } == ["service_url=http://127.0.0.1:9"])
    }

    @Test func versionSaysTheCommit() throws {
        #expect(Version.line(commit: "1a2b3c4") == "badgekiosk \(Version.number) (commit 1a2b3c4)")
        #expect(Version.line(commit: "unknown") == "badgekiosk \(Version.number) (commit unknown: a development build)")
        #expect(Version.line(commit: "") == Version.line(commit: "unknown"))
        #expect(Version.line.hasPrefix("badgekiosk \(Version.number) (commit "))
        #expect(try CommandParser.parse(["--version"], against: Command.declaration).flag("version"))
        #expect(try CommandParser.parse(["version"], against: Command.declaration).path == ["badgekiosk", "version"])
    }

    @Test func noArgumentsIsAUsageError() {
        do {
            try Command.run([])
            Issue.record("no arguments ran")
        } catch let error as UsageError {
            let report = error.report
            #expect(report.contains("Usage: badgekiosk <command> [options]"))
            #expect(report.contains("  serve "))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func helpCommandExplainsACommand() throws {
        let parsed = try CommandParser.parse(["help", "badges", "add"], against: Command.declaration)
        #expect(parsed.positionals == ["badges", "add"])
        #expect(!parsed.helpRequested)
    }
}
