/// The subcommands, and the help that lists them.
enum Command {
    static let help = """
    badgekiosk — hand out digital badges the moment a session ends.

    Usage: badgekiosk <command> [options]

    Commands:
      serve        Run the local service (HTTP API, claim storage).
      badges       Look after the badge catalogue (add, list).
      bench        Measure the service under load (claims, healthz).

    Run 'badgekiosk <command> --help' for a command's options.
    """

    static func run(_ words: [String]) throws {
        guard let name = words.first else {
            Console.out(help)
            return
        }
        let rest = words.dropFirst()
        switch name {
        case "serve": try ServeCommand.run(Arguments(rest, command: "badgekiosk serve"))
        case "badges": try BadgesCommand.run(Arguments(rest, command: "badgekiosk badges"))
        case "bench": try BenchCommand.run(Arguments(rest, command: "badgekiosk bench"))
        case "--help", "-h", "help": Console.out(help)
        default: throw UsageError("unknown command '\(name)'")
        }
    }
}
