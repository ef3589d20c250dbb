import Issuers
import KioskCore
import KioskService
import KioskStore

/// `badgekiosk badges add|list|sync`: the local badge catalogue volunteers pick from.
enum BadgesCommand {
    static let declaration = CommandDeclaration(
        "badges", summary: "Look after the badge catalogue (add, list, sync from the issuer).",
        description: "The local badge catalogue volunteers pick from when they start a session.",
        options: LocalStore.options,
        actions: [
            CommandDeclaration(
                "add", summary: "Add a badge to the catalogue, or update the one with the same id.",
                description: """
                Adds a badge to the catalogue, or updates the one with the same id.
                ID is the issuer's own badge id (for Open Badge Factory, the badge's id in its address;
                for Navigatr, the number in the badge's address, e.g. navigatr.app/badge/3425/...).
                """,
                options: [
                    OptionDeclaration("id", valueName: "ID", doc: "The issuer's own badge id", isRequired: true),
                    OptionDeclaration("name", valueName: "NAME", doc: "The badge's name, as learners see it", isRequired: true),
                    OptionDeclaration("description", valueName: "TEXT", doc: "What the badge is for"),
                ],
                run: add),
            CommandDeclaration(
                "list", summary: "Print the catalogue, one badge a line: id, name.",
                run: { parsed in
                    let store = try LocalStore.open(parsed)
                    defer { store.close() }
                    for badge in try store.badges() { Console.out("\(badge.id)\t\(badge.name)") }
                }),
            CommandDeclaration(
                "sync", summary: "Fetch every badge from the configured issuer into the catalogue.",
                description: """
                Fetches every badge from the configured issuer (issuer, issuer_url, issuer_client_id,
                issuer_client_secret_file) and adds or updates each in the catalogue. Navigatr lists
                the badges of one provider: set issuer_client_id to your provider's id number, or add
                each badge by its id instead.
                """,
                run: { parsed in try sync(SettingsOptions.load(parsed).service, path: parsed.string(SettingsOptions.config.name)) }),
        ])

    private static func add(_ parsed: ParsedArguments) throws {
        let badge: Badge
        do {
            let id = try TextRules.clean(try parsed.required("id"), field: "id", label: "the badge id", maxLength: 200)
            let name = try TextRules.clean(try parsed.required("name"), field: "name", label: "the badge name", maxLength: 200)
            let description = parsed.string("description") ?? ""
            let cleanDescription = description.isEmpty ? "" :
                try TextRules.clean(description, field: "description", label: "the description", maxLength: 2000)
            badge = Badge(id: id, name: name, description: cleanDescription)
        } catch let error as FieldError {
            throw parsed.problem(error.message)
        }
        let store = try LocalStore.open(parsed)
        defer { store.close() }
        try store.upsertBadge(badge)
        Console.out("added \(badge.id): \(badge.name)")
    }

    private static func sync(_ configuration: ServiceConfiguration, path: String?) throws {
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
}
