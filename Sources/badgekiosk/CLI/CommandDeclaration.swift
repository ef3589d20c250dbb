/// What a command (or one action of a command) is called, says about itself and accepts: the parser,
/// the generated help and the dispatch all read it.
///
/// A command with actions (`badges add|list|sync`) lists them in `actions`; its own `options` apply to
/// every action too (the `--state-dir` all of them take), and may come before or after the action's name.
struct CommandDeclaration: Sendable {
    typealias Handler = @Sendable (ParsedArguments) throws -> Void

    /// The word that selects it: `badges`, `add`.
    var name: String
    /// One line for the list of commands or actions.
    var summary: String
    /// Paragraphs for its help, below the usage; may be empty.
    var description: String
    var options: [OptionDeclaration]
    var positionals: [PositionalDeclaration]
    var actions: [CommandDeclaration]
    /// Does the work. A command with actions and a handler also runs with no action (`badgekiosk outbox`);
    /// one with actions and none needs an action.
    var run: Handler?

    init(_ name: String, summary: String, description: String = "", options: [OptionDeclaration] = [],
         positionals: [PositionalDeclaration] = [], actions: [CommandDeclaration] = [], run: Handler? = nil) {
        self.name = name
        self.summary = summary
        self.description = description
        self.options = options
        self.positionals = positionals
        self.actions = actions
        self.run = run
    }

    /// The same command taking `more` options as well, e.g. flags made from a table of settings.
    func appending(options more: [OptionDeclaration]) -> CommandDeclaration {
        var declaration = self
        declaration.options += more
        return declaration
    }

    func action(named name: String) -> CommandDeclaration? {
        actions.first { $0.name == name }
    }

    /// `'add', 'list' or 'sync'`, for messages.
    var actionChoices: String {
        let quoted = actions.map { "'\($0.name)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }

    /// Mistakes in the declaration itself, one plain sentence each; none in a good one. Checked by tests,
    /// so a clash between options (two with one name, or one that is a flag here and takes a value there)
    /// shows up before anyone types it.
    func problems(inherited: [OptionDeclaration] = [], path: [String] = []) -> [String] {
        let here = (path + [name]).joined(separator: " ")
        var found: [String] = []
        let effective = inherited + options
        for (index, option) in effective.enumerated() {
            let clash = effective[..<index].contains { $0.name == option.name || ($0.short != nil && $0.short == option.short) }
            if clash { found.append("\(here): \(option.spelling) is declared twice") }
            if option.name == "help" || option.short == "h" { found.append("\(here): \(option.spelling) takes the place of --help") }
            if option.name.isEmpty || option.name.hasPrefix("-") || option.name.contains("=") {
                found.append("\(here): '\(option.name)' is not an option name")
            }
        }
        if Set(actions.map(\.name)).count < actions.count { found.append("\(here): two actions have one name") }
        if run == nil && actions.isEmpty { found.append("\(here): has neither actions nor a handler") }
        if !actions.isEmpty && !positionals.isEmpty { found.append("\(here): has both actions and positionals") }
        if let optional = positionals.firstIndex(where: { !$0.isRequired }),
           positionals[optional...].contains(where: \.isRequired) {
            found.append("\(here): a required positional follows an optional one")
        }
        // Words before the action are read with every action's options: one name must mean one thing.
        let scanned = effective + actions.flatMap(\.options)
        for option in scanned where scanned.contains(where: { $0.name == option.name && $0.isFlag != option.isFlag }) {
            found.append("\(here): \(option.spelling) is a flag in one action and takes a value in another")
        }
        for action in actions {
            found += action.problems(inherited: path.isEmpty ? [] : effective, path: path + [name])
        }
        return Array(Set(found)).sorted()
    }
}
