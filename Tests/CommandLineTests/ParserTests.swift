@testable import badgekiosk
import Testing

/// A small made-up program shaped like badgekiosk: a command with actions and shared options, and a
/// command with a flag, a number and positionals.
enum Sample {
    static let declaration = CommandDeclaration(
        "tool", summary: "a sample.",
        options: [.flag("version", doc: "Print the version")],
        actions: [
            CommandDeclaration(
                "badges", summary: "Badges.",
                options: [OptionDeclaration("state-dir", valueName: "DIR", doc: "Where", setting: "state_dir"),
                          OptionDeclaration("config", valueName: "FILE", doc: "Settings")],
                actions: [
                    CommandDeclaration("add", summary: "Add one.",
                                       options: [OptionDeclaration("id", valueName: "ID", doc: "Its id", isRequired: true),
                                                 OptionDeclaration("name", valueName: "NAME", doc: "Its name")],
                                       run: { _ in }),
                    CommandDeclaration("list", summary: "List them.", run: { _ in }),
                ]),
            CommandDeclaration(
                "copy", summary: "Copy.",
                options: [.flag("force", short: "f", doc: "Overwrite"),
                          OptionDeclaration("count", short: "n", valueName: "N", doc: "How many", defaultValue: .value("3")),
                          OptionDeclaration("offset", valueName: "TIME", doc: "Shift")],
                positionals: [PositionalDeclaration("FROM", doc: "the source"),
                              PositionalDeclaration("TO", doc: "the target", isRequired: false)],
                run: { _ in }),
        ],
        run: { _ in })

    static func parse(_ words: [String]) throws(UsageError) -> ParsedArguments {
        try CommandParser.parse(words, against: declaration)
    }

    /// The one-line message a parse fails with, or nil when it succeeds.
    static func failure(_ words: [String]) -> String? {
        do {
            _ = try parse(words)
            return nil
        } catch {
            return error.description
        }
    }
}

@Suite("Command line parsing")
struct ParserTests {
    @Test func sampleDeclarationIsSound() {
        #expect(Sample.declaration.problems().isEmpty)
    }

    @Test(arguments: [
        ["badges", "--state-dir", "D", "list"], ["badges", "list", "--state-dir", "D"], ["--state-dir", "D", "badges", "list"],
        ["badges", "--state-dir=D", "list"], ["badges", "list", "--state-dir=D"],
    ])
    func optionsGoBeforeOrAfterTheAction(words: [String]) throws {
        let parsed = try Sample.parse(words)
        #expect(parsed.path == ["tool", "badges", "list"])
        #expect(parsed.string("state-dir") == "D")
        #expect(parsed.string("config") == nil)
        #expect(parsed.positionals.isEmpty)
    }

    @Test func actionOptionsMayComeBeforeTheAction() throws {
        let parsed = try Sample.parse(["badges", "--id", "day-1", "--state-dir", "S", "add", "--name", "Day 1"])
        #expect(parsed.path == ["tool", "badges", "add"])
        #expect(try parsed.required("id") == "day-1")
        #expect(parsed.string("name") == "Day 1")
        #expect(parsed.settingOverrides.map { "\($0.0)=\($0.1)" } == ["state_dir=S"])
    }

    @Test func optionsGoAmongPositionals() throws {
        let parsed = try Sample.parse(["copy", "-f", "a", "--count", "7", "b"])
        #expect(parsed.positional("FROM") == "a")
        #expect(parsed.positional("TO") == "b")
        #expect(parsed.flag("force"))
        #expect(try parsed.number("count", in: 1...9) == 7)
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try Sample.parse(["copy", "--", "--force", "-h"])
        #expect(!parsed.helpRequested)
        #expect(!parsed.flag("force"))
        #expect(parsed.positionals == ["--force", "-h"])
        let action = try Sample.parse(["badges", "--", "list"])
        #expect(action.path.last == "list")
    }

    @Test func defaultsAndTypedValues() throws {
        let parsed = try Sample.parse(["copy", "a"])
        #expect(try parsed.number("count", in: 1...9) == 3)
        #expect(try parsed.optionalNumber("count", in: 1...9) == 3)
        #expect(parsed.string("offset") == nil)
        #expect(parsed.positional("TO") == nil)
        #expect(!parsed.flag("force"))
        let negative = try Sample.parse(["copy", "--offset", "-30s", "a"])
        #expect(negative.string("offset") == "-30s")
        let short = try Sample.parse(["copy", "-n", "2", "a"])
        #expect(try short.number("count", in: 1...9) == 2)
    }

    @Test func aNumberOutOfRangeSaysTheRange() throws {
        let parsed = try Sample.parse(["copy", "--count", "0", "a"])
        #expect(throws: UsageError.self) { try parsed.number("count", in: 1...9) }
        do {
            _ = try parsed.number("count", in: 1...9)
        } catch {
            #expect(error.message == "--count takes a whole number from 1 to 9, not '0'")
            #expect(error.command == "tool copy")
        }
    }

    @Test(arguments: ["-h", "--help"])
    func helpAnywhereWins(flag: String) throws {
        for words in [[flag], ["badges", flag], ["badges", flag, "add"], ["badges", "add", flag], ["badges", "add", "--bogus", flag],
                      ["copy", flag, "--force=yes"], ["badges", "nonsense", flag]] {
            let parsed = try Sample.parse(words)
            #expect(parsed.helpRequested, "\(words)")
        }
        #expect(try Sample.parse(["badges", "add", flag]).path == ["tool", "badges", "add"])
        #expect(try Sample.parse(["badges", flag]).path == ["tool", "badges"])
    }

    @Test func aRepeatedOptionIsRefused() {
        #expect(Sample.failure(["badges", "--state-dir", "A", "list", "--state-dir", "B"])
            == "--state-dir given twice (see 'tool badges list --help')")
        #expect(Sample.failure(["copy", "-f", "--force", "a"]) == "--force given twice (see 'tool copy --help')")
    }

    @Test func anUnknownOptionIsNamedWithTheNearestKnownOne() {
        #expect(Sample.failure(["badges", "list", "--state-dri", "D"])
            == "unknown option '--state-dri'; did you mean '--state-dir'? (see 'tool badges list --help')")
        #expect(Sample.failure(["badges", "--stat=D", "list"])
            == "unknown option '--stat'; did you mean '--state-dir'? (see 'tool badges --help')")
        #expect(Sample.failure(["copy", "-state-dir", "a"]) == "unknown option '-state-dir' (see 'tool copy --help')")
        #expect(Sample.failure(["copy", "--bogus", "a"]) == "unknown option '--bogus' (see 'tool copy --help')")
        #expect(Sample.failure(["copy", "-x", "a"]) == "unknown option '-x' (see 'tool copy --help')")
    }

    @Test func anUnknownActionOrCommandIsNamed() {
        #expect(Sample.failure(["badges", "lsit"]) == "unknown action 'lsit'; did you mean 'list'? (see 'tool badges --help')")
        #expect(Sample.failure(["badges", "remove"]) == "unknown action 'remove': say 'add' or 'list' (see 'tool badges --help')")
        #expect(Sample.failure(["bdages"]) == "unknown command 'bdages'; did you mean 'badges'? (see 'tool --help')")
        #expect(Sample.failure(["badges"]) == "say 'add' or 'list' (see 'tool badges --help')")
    }

    @Test func valuesMustBeThereAndFlagsTakeNone() {
        #expect(Sample.failure(["badges", "list", "--state-dir"]) == "--state-dir needs a value (see 'tool badges list --help')")
        #expect(Sample.failure(["badges", "list", "--state-dir", "--config", "F"])
            == "--state-dir needs a value (see 'tool badges list --help')")
        #expect(Sample.failure(["badges", "list", "--state-dir="]) == "--state-dir needs a value (see 'tool badges list --help')")
        #expect(Sample.failure(["copy", "--force=yes", "a"]) == "--force takes no value (see 'tool copy --help')")
        #expect(Sample.failure(["copy", "--help=yes", "a"]) == "--help takes no value (see 'tool copy --help')")
        #expect(Sample.failure(["badges", "--help=yes", "list"]) == "--help takes no value (see 'tool badges --help')")
    }

    @Test func requiredOptionsAndPositionalsAreChecked() {
        #expect(Sample.failure(["badges", "add", "--name", "x"]) == "--id is required (see 'tool badges add --help')")
        #expect(Sample.failure(["copy"]) == "FROM is missing: the source (see 'tool copy --help')")
        #expect(Sample.failure(["copy", "a", "b", "c"]) == "unexpected argument 'c' (see 'tool copy --help')")
        #expect(Sample.failure(["badges", "list", "extra"]) == "unexpected argument 'extra' (see 'tool badges list --help')")
    }

    @Test func theProgramsOwnOptionsAreNotPassedDown() throws {
        #expect(try Sample.parse(["--version"]).flag("version"))
        #expect(Sample.failure(["badges", "list", "--version"]) == "unknown option '--version' (see 'tool badges list --help')")
    }

    @Test func appendedOptionsAreParsedAndBecomeOverrides() throws {
        let settings = [("venue-name", "NAME", "The venue's name", "venue_name"), ("pin", "PIN", "The volunteer PIN", "pin")]
        let command = CommandDeclaration("serve", summary: "Serve.", options: [OptionDeclaration("listen", valueName: "A", doc: "Where")],
                                         run: { _ in })
            .appending(options: settings.map { OptionDeclaration($0.0, valueName: $0.1, doc: $0.2, setting: $0.3) })
        let parsed = try CommandParser.parse(["--pin=4321", "--venue-name", "Hall", "--listen", "x"], against: command)
        #expect(parsed.settingOverrides.map { "\($0.0)=\($0.1)" } == ["venue_name=Hall", "pin=4321"])
        let help = HelpText.text(for: try CommandParser.parse(["-h"], against: command))
        #expect(help.contains("--venue-name NAME") && help.contains("The venue's name."))
    }

    @Test func clashingDeclarationsAreReported() {
        let clash = CommandDeclaration("root", summary: "", actions: [CommandDeclaration(
            "x", summary: "X.", options: [OptionDeclaration("a", valueName: "A", doc: "")], actions: [
            CommandDeclaration("one", summary: "", options: [.flag("b", doc: "")], run: { _ in }),
            CommandDeclaration("two", summary: "", options: [OptionDeclaration("b", valueName: "B", doc: ""),
                                                            OptionDeclaration("a", valueName: "A", doc: "")], run: { _ in }),
        ])])
        let problems = clash.problems()
        #expect(problems.contains("root x: --b is a flag in one action and takes a value in another"))
        #expect(problems.contains("root x two: --a is declared twice"))
    }

    @Test func nearestNames() {
        #expect(NearestName.suggestion(for: "sevre", among: ["serve", "front"]) == "serve")
        #expect(NearestName.suggestion(for: "listn", among: ["listen", "config"]) == "listen")
        #expect(NearestName.suggestion(for: "state", among: ["state-dir", "config"]) == "state-dir")
        #expect(NearestName.suggestion(for: "bogus", among: ["state-dir", "config", "listen"]) == nil)
        #expect(NearestName.distance("abc", "acb") == 1)
    }
}
