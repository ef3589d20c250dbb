/// `badgekiosk` itself: the commands it has, and running the one the words name.
enum Command {
    // Typed, not inferred: `help` below reads it back.
    static let declaration: CommandDeclaration = CommandDeclaration(
        "badgekiosk", summary: "hand out digital badges the moment a session ends.",
        options: [.flag("version", doc: "Print the version and the commit it was built from")],
        actions: [
            DemoCommand.declaration, ServeCommand.declaration, FrontCommand.declaration, QRCommand.declaration,
            BadgesCommand.declaration, ProgrammesCommand.declaration, OutboxCommand.declaration,
            StatusCommand.declaration, ReportCommand.declaration, DoctorCommand.declaration, BackupCommand.declaration,
            RestoreCommand.declaration,
            SetupCommand.declaration, IssuerSimCommand.declaration, BenchCommand.declaration, version, help,
        ],
        run: { parsed in
            guard parsed.flag("version") else { throw parsed.problem("say which command to run") }
            Console.out(Version.line)
        })

    static let version = CommandDeclaration(
        "version", summary: "Print the version and the commit it was built from.",
        run: { _ in Console.out(Version.line) })

    static let help = CommandDeclaration(
        "help", summary: "Show this help, or a command's: 'badgekiosk help badges add'.",
        positionals: [PositionalDeclaration("COMMAND", doc: "the command to explain", isRequired: false),
                      PositionalDeclaration("ACTION", doc: "the command's action to explain", isRequired: false)],
        run: { parsed in
            let topic = parsed.positionals + ["--help"]
            Console.out(HelpText.text(for: try CommandParser.parse(topic, against: declaration)))
        })

    /// Runs what `words` (the arguments after the program's name) ask for. With none, the usage goes
    /// to standard error and the exit code is 2, as for any other mistake on the command line.
    static func run(_ words: [String]) throws {
        guard !words.isEmpty else {
            throw UsageError.noCommand(usage: HelpText.text(path: [declaration.name], declaration: declaration, inherited: []))
        }
        let parsed = try CommandParser.parse(words, against: declaration)
        guard !parsed.helpRequested, let run = parsed.declaration.run else {
            return Console.out(HelpText.text(for: parsed))
        }
        try run(parsed)
    }
}
