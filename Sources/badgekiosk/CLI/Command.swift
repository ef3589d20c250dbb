/// The subcommands, and the help that lists them.
enum Command {
    static let help = """
    badgekiosk — hand out digital badges the moment a session ends.

    Usage: badgekiosk <command> [options]

    Commands:
      demo         Try everything on this machine: a stand-in issuer, the service and the front.
      serve        Run the local service (HTTP API, claim storage).
      front        Run the full-screen terminal front (learners claim, volunteers run sessions).
      qr           Print a QR code in the terminal, or write it as an SVG picture.
      badges       Look after the badge catalogue (add, list, sync from the issuer).
      programmes   Programmes whose completion badge is claimed automatically (add, list).
      outbox       Show the awards on their way to the issuer, and any problems.
      issuer-sim   Run a stand-in issuer (Open Badge Factory and Badgr APIs) with optional faults.
      bench        Measure the service under load (claims, healthz, idle, drain, front, soak).

    Run 'badgekiosk <command> --help' for a command's options.
    """

    static func run(_ words: [String]) throws {
        guard let name = words.first else {
            Console.out(help)
            return
        }
        let rest = words.dropFirst()
        switch name {
        case "demo": try DemoCommand.run(Arguments(rest, command: "badgekiosk demo"))
        case "serve": try ServeCommand.run(Arguments(rest, command: "badgekiosk serve"))
        case "front": try FrontCommand.run(Arguments(rest, command: "badgekiosk front"))
        case "qr": try QRCommand.run(Arguments(rest, command: "badgekiosk qr"))
        case "badges": try BadgesCommand.run(Arguments(rest, command: "badgekiosk badges"))
        case "programmes": try ProgrammesCommand.run(Arguments(rest, command: "badgekiosk programmes"))
        case "bench": try BenchCommand.run(Arguments(rest, command: "badgekiosk bench"))
        case "outbox": try OutboxCommand.run(Arguments(rest, command: "badgekiosk outbox"))
        case "issuer-sim": try IssuerSimCommand.run(Arguments(rest, command: "badgekiosk issuer-sim"))
        case "--help", "-h", "help": Console.out(help)
        default: throw UsageError("unknown command '\(name)'")
        }
    }
}
