import KioskCore
import KioskService
import KioskStore

/// `badgekiosk programmes add|list`: programmes whose completion badge is claimed automatically.
enum ProgrammesCommand {
    static let help = """
    Usage: badgekiosk programmes add --name NAME --badges ID,ID,... --completion ID [--state-dir DIR] [--config FILE]
           badgekiosk programmes list [--state-dir DIR] [--config FILE]

    add   Sets up a programme: once a learner holds every badge of --badges (2 to 20, from the
          catalogue), the --completion badge is claimed for them with the claim that completes it.
          A running service picks it up at its next claim.
    list  Prints the programmes, one a line: id, name, badges, completion badge.
    """

    static func run(_ arguments: Arguments) throws {
        var arguments = arguments
        if arguments.flag("help") { return Console.out(help) }
        guard let action = arguments.positional() else { throw UsageError("say 'add' or 'list'", command: arguments.command) }
        let path = try arguments.option("config")
        let stateDirectory = try arguments.option("state-dir")
        switch action {
        case "add":
            let draft = try draftFrom(&arguments)
            try arguments.finish()
            let store = try LocalStore.open(path: path, stateDirectory: stateDirectory)
            defer { store.close() }
            let programme: Programme
            do {
                programme = try store.createProgramme(draft)
            } catch .notFound(let what) {
                throw UsageError("there is no \(what) in the catalogue (see 'badgekiosk badges list')",
                                 command: arguments.command)
            }
            Console.out("added programme \(programme.id): \(programme.name)")
        case "list":
            try arguments.finish()
            let store = try LocalStore.open(path: path, stateDirectory: stateDirectory)
            defer { store.close() }
            for programme in try store.programmes() {
                Console.out("\(programme.id)\t\(programme.name)\t\(programme.badgeIDs.joined(separator: ","))\t\(programme.completionBadgeID)")
            }
        default:
            throw UsageError("unknown action '\(action)': say 'add' or 'list'", command: arguments.command)
        }
    }

    private static func draftFrom(_ arguments: inout Arguments) throws -> ProgrammeDraft {
        let command = arguments.command
        func required(_ name: String) throws -> String {
            guard let value = try arguments.option(name) else { throw UsageError("--\(name) is required", command: command) }
            return value
        }
        let name = try required("name")
        let badges = try required("badges").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let completion = try required("completion")
        do {
            return try ProgrammeDraft(name: name, badgeIDs: badges, completionBadgeID: completion)
        } catch {
            throw UsageError(error.message, command: command)
        }
    }
}
