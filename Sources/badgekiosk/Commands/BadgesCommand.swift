import Issuers
import KioskCore
import KioskService
import KioskStore

/// `badgekiosk badges add|list|sync`: the local badge catalogue volunteers pick from.
enum BadgesCommand {
    static let help = """
    Usage: badgekiosk badges add --id ID --name NAME [--description TEXT] [--state-dir DIR] [--config FILE]
           badgekiosk badges list [--state-dir DIR] [--config FILE]
           badgekiosk badges sync [--state-dir DIR] [--config FILE]

    add   Adds a badge to the catalogue, or updates the one with the same id.
          ID is the issuer's own badge id (for Open Badge Factory, the badge's id in its address;
          for Navigatr, the number in the badge's address, e.g. navigatr.app/badge/3425/...).
    list  Prints the catalogue, one badge a line: id, name.
    sync  Fetches every badge from the configured issuer (issuer, issuer_url, issuer_client_id,
          issuer_client_secret_file) and adds or updates each in the catalogue. Navigatr lists
          the badges of one provider: set issuer_client_id to your provider's id number, or add
          each badge by its id instead.
    """

    static func run(_ arguments: Arguments) throws {
        var arguments = arguments
        if arguments.flag("help") { return Console.out(help) }
        guard let action = arguments.positional() else { throw UsageError("say 'add', 'list' or 'sync'", command: arguments.command) }
        let path = try arguments.option("config")
        let stateDirectory = try arguments.option("state-dir")
        switch action {
        case "add":
            let badge = try badgeFrom(&arguments)
            try arguments.finish()
            let store = try LocalStore.open(path: path, stateDirectory: stateDirectory)
            defer { store.close() }
            try store.upsertBadge(badge)
            Console.out("added \(badge.id): \(badge.name)")
        case "list":
            try arguments.finish()
            let store = try LocalStore.open(path: path, stateDirectory: stateDirectory)
            defer { store.close() }
            for badge in try store.badges() { Console.out("\(badge.id)\t\(badge.name)") }
        case "sync":
            try arguments.finish()
            try sync(path: path, stateDirectory: stateDirectory)
        default:
            throw UsageError("unknown action '\(action)': say 'add', 'list' or 'sync'", command: arguments.command)
        }
    }

    private static func sync(path: String?, stateDirectory: String?) throws {
        let configuration = try LocalStore.configuration(path: path, stateDirectory: stateDirectory)
        let settings: IssuerSettings
        do throws(ConfigError) {
            guard let configured = try configuration.issuerSettings() else {
                throw ConfigError(source: path ?? ServiceConfiguration.defaultPath, key: "issuer",
                                  problem: "is not set, so there is no catalogue to sync ("
                                      + IssuerKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            settings = configured
        } catch {
            throw ConfigErrorReport(error: error)
        }
        let store = try LocalStore.open(configuration)
        defer { store.close() }
        let badges: [Badge]
        do {
            badges = try CatalogueSync.run(from: makeIssuerAdapter(settings), into: store)
        } catch {
            throw RuntimeError("the catalogue could not be synced from \(settings.kind.displayName): \(error)")
        }
        Console.out("synced \(badges.count) badge(s) from \(settings.kind.displayName)")
        for badge in badges { Console.out("\(badge.id)\t\(badge.name)") }
    }

    private static func badgeFrom(_ arguments: inout Arguments) throws -> Badge {
        let command = arguments.command
        func required(_ name: String) throws -> String {
            guard let value = try arguments.option(name) else { throw UsageError("--\(name) is required", command: command) }
            return value
        }
        do {
            let id = try TextRules.clean(try required("id"), field: "id", label: "the badge id", maxLength: 200)
            let name = try TextRules.clean(try required("name"), field: "name", label: "the badge name", maxLength: 200)
            let description = try arguments.option("description") ?? ""
            let cleanDescription = description.isEmpty ? "" :
                try TextRules.clean(description, field: "description", label: "the description", maxLength: 2000)
            return Badge(id: id, name: name, description: cleanDescription)
        } catch let error as FieldError {
            throw UsageError(error.message, command: command)
        }
    }
}
