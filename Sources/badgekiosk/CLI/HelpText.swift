/// The `--help` text of a command or action, made from its declaration: the usage, the description,
/// its actions (or, for `badgekiosk` itself, the commands) and its options, aligned and wrapped.
enum HelpText {
    static let width = 100
    /// The left column of the option list never grows wider than this; a longer label puts its doc below.
    private static let widestLabel = 24
    private static let helpOption = OptionDeclaration.flag("help", short: "h", doc: "Show this help")

    /// The help for what `parsed` names.
    static func text(for parsed: ParsedArguments) -> String {
        let inherited = Array(parsed.options.dropLast(parsed.declaration.options.count))
        return text(path: parsed.path, declaration: parsed.declaration, inherited: inherited)
    }

    /// The help for `declaration`, reached through `path` (its own name last), whose commands above
    /// give it `inherited` options.
    static func text(path: [String], declaration: CommandDeclaration, inherited: [OptionDeclaration]) -> String {
        let command = path.joined(separator: " ")
        let options = declaration.options + inherited
        var sections: [String] = []
        if path.count == 1 {
            sections.append("\(command) — \(declaration.summary)")
            sections.append("Usage: \(command) <command> [options]")
        } else {
            var usages: [[String]] = []
            if declaration.run != nil {
                usages.append([command] + declaration.positionals.map(\.usage) + options.map(\.usage))
            }
            for action in declaration.actions {
                usages.append([command, action.name] + action.positionals.map(\.usage) + (action.options + options).map(\.usage))
            }
            sections.append(usages.enumerated().map { index, words in
                wrap(words, first: index == 0 ? "Usage: " : "       ", hanging: 7 + command.count + 1)
            }.joined(separator: "\n"))
        }
        if !declaration.description.isEmpty { sections.append(fitted(declaration.description)) }
        if !declaration.positionals.isEmpty {
            sections.append("Arguments:\n" + table(declaration.positionals.map { ($0.name, sentence($0.doc)) }))
        }
        if !declaration.actions.isEmpty {
            let title = path.count == 1 ? "Commands:" : "Actions:"
            sections.append(title + "\n" + table(declaration.actions.map { ($0.name, $0.summary) }))
        }
        sections.append("Options:\n" + table((options + [helpOption]).map { ($0.helpLabel, $0.helpText) }))
        if path.count == 1 {
            sections.append("Run '\(command) <command> --help' for a command's options.")
        } else if !declaration.actions.isEmpty {
            sections.append("Run '\(command) <action> --help' for an action's options and what it does.")
        }
        return sections.joined(separator: "\n\n")
    }

    /// A description as written, except that a line too long for the terminal is wrapped under its own indent.
    private static func fitted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            return wrap(line.split(separator: " ").map(String.init), first: indent, hanging: indent.count)
        }.joined(separator: "\n")
    }

    /// `the text to encode` as a sentence: `The text to encode.`
    private static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    /// Two aligned columns, the right one wrapped under itself.
    private static func table(_ rows: [(String, String)]) -> String {
        let column = min(widestLabel, rows.map(\.0.count).max() ?? 0) + 4
        return rows.map { label, text in
            let lead = "  " + label
            let words = text.split(separator: " ").map(String.init)
            guard lead.count + 2 <= column else {
                return lead + "\n" + wrap(words, first: String(repeating: " ", count: column), hanging: column)
            }
            return wrap(words, first: lead.padding(toLength: column, withPad: " ", startingAt: 0), hanging: column)
        }.joined(separator: "\n")
    }

    /// `words` joined by spaces into lines of at most `width` (a longer word stays whole), the first
    /// starting with `first` and the others indented by `hanging`.
    static func wrap(_ words: [String], first: String, hanging: Int) -> String {
        var lines: [String] = []
        var line = first
        var lineIsEmpty = true
        for word in words {
            if !lineIsEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: hanging)
                lineIsEmpty = true
            }
            line += (lineIsEmpty ? "" : " ") + word
            lineIsEmpty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
