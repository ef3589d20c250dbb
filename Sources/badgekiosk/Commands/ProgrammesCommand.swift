import KioskCore
import KioskService
import KioskStore

/// `badgekiosk programmes add|list`: programmes whose completion badge is claimed automatically.
enum ProgrammesCommand {
    static let declaration = CommandDeclaration(
        "programmes", summary: "Programmes whose completion badge is claimed automatically (add, list).",
        description: """
        A programme is a set of badges that together earn one more: once a learner holds every badge
        of the programme, its completion badge is claimed for them with the claim that completes it.
        """,
        options: LocalStore.options,
        actions: [
            CommandDeclaration(
                "add", summary: "Set up a programme.",
                description: """
                Sets up a programme: once a learner holds every badge of --badges (2 to 20, from the
                catalogue), the --completion badge is claimed for them with the claim that completes it.
                A running service picks it up at its next claim.
                """,
                options: [
                    OptionDeclaration("name", valueName: "NAME", doc: "The programme's name", isRequired: true),
                    OptionDeclaration("badges", valueName: "ID,ID,...", doc: "The badges it takes, 2 to 20, by catalogue id",
                                      isRequired: true),
                    OptionDeclaration("completion", valueName: "ID", doc: "The badge that completing it earns", isRequired: true),
                ],
                run: add),
            CommandDeclaration(
                "list", summary: "Print the programmes, one a line: id, name, badges, completion badge.",
                run: { parsed in
                    let store = try LocalStore.open(parsed)
                    defer { store.close() }
                    for programme in try store.programmes() {
                        Console.out("\(programme.id)\t\(programme.name)\t\(programme.badgeIDs.joined(separator: ","))"
                            + "\t\(programme.completionBadgeID)")
                    }
                }),
        ])

    private static func add(_ parsed: ParsedArguments) throws {
        let draft: ProgrammeDraft
        do {
            draft = try ProgrammeDraft(name: try parsed.required("name"),
                                       badgeIDs: try parsed.required("badges").split(separator: ",", omittingEmptySubsequences: false)
                                           .map(String.init),
                                       completionBadgeID: try parsed.required("completion"))
        } catch let error as FieldError {
            throw parsed.problem(error.message)
        }
        let store = try LocalStore.open(parsed)
        defer { store.close() }
        let programme: Programme
        do {
            programme = try store.createProgramme(draft)
        } catch {
            guard case .notFound(let what) = error else { throw error }
            throw parsed.problem("there is no \(what) in the catalogue (see 'badgekiosk badges list')")
        }
        Console.out("added programme \(programme.id): \(programme.name)")
    }
}
