/// Reads the words after `badgekiosk` against the declarations: which command and action they name,
/// and the options and positionals given to it. Pure: words in, a value or one plain-words error out.
///
/// Options may come before or after the action and the positionals, as `--name value` or `--name=value`;
/// `--` ends the options (every later word is a positional); `-h` or `--help` anywhere before `--` asks
/// for help on the deepest command or action named, and then nothing else is checked.
enum CommandParser {
    static func parse(_ words: [String], against root: CommandDeclaration) throws(UsageError) -> ParsedArguments {
        let wantsHelp = words.prefix { $0 != "--" }.contains { $0 == "-h" || $0 == "--help" }
        var rest = words
        var node = root
        var path = [root.name]
        var inherited: [OptionDeclaration] = []
        while !node.actions.isEmpty {
            let command = path.joined(separator: " ")
            let kind = path.count == 1 ? "command" : "action"
            let known = inherited + node.options + node.actions.flatMap(\.options)
            guard let index = try actionIndex(in: rest, known: known, command: command, lenient: wantsHelp) else {
                if wantsHelp || node.run != nil { break }
                throw UsageError(path.count == 1 ? "say which command to run" : "say \(node.actionChoices)", command: command)
            }
            guard let action = node.action(named: rest[index]) else {
                if wantsHelp { break }
                var message = "unknown \(kind) '\(rest[index])'"
                if let near = NearestName.suggestion(for: rest[index], among: node.actions.map(\.name)) {
                    message += "; did you mean '\(near)'?"
                } else if path.count > 1 {
                    message += ": say \(node.actionChoices)"
                }
                throw UsageError(message, command: command)
            }
            rest.remove(at: index)
            // The program's own options (`--version`) are its alone; a command's pass to its actions.
            if path.count > 1 { inherited += node.options }
            path.append(action.name)
            node = action
        }
        let options = inherited + node.options
        if wantsHelp {
            return ParsedArguments(path: path, declaration: node, options: options, helpRequested: true)
        }
        var parsed = ParsedArguments(path: path, declaration: node, options: options, helpRequested: false)
        try read(rest, into: &parsed)
        try check(parsed)
        return parsed
    }

    /// Where the action's name is among `words`: the first word that is neither an option nor an
    /// option's value (or the word after `--`). Options are looked up in `known`, every option the
    /// command or any of its actions takes, so that `--state-dir D list` reads `D` as a value.
    private static func actionIndex(in words: [String], known: [OptionDeclaration], command: String,
                                    lenient: Bool) throws(UsageError) -> Int? {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" { return index + 1 < words.count ? index + 1 : nil }
            guard isOption(word) else { return index }
            index += 1
            if word == "-h" || word == "--help" { continue }
            guard let option = lookUp(word, in: known) else {
                if lenient { continue }
                throw unknownOption(word, known: known, command: command)
            }
            if takesNextWord(option, word, words, index) { index += 1 }
        }
        return nil
    }

    private static func read(_ words: [String], into parsed: inout ParsedArguments) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !isOption(word) {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            guard let option = lookUp(word, in: parsed.options) else {
                throw unknownOption(word, known: parsed.options, command: parsed.command)
            }
            if parsed.values[option.name] != nil || parsed.flags.contains(option.name) {
                throw parsed.problem("\(option.spelling) given twice")
            }
            let inline = word.firstIndex(of: "=").map { String(word[word.index(after: $0)...]) }
            if option.isFlag {
                guard inline == nil else { throw parsed.problem("\(option.spelling) takes no value") }
                parsed.flags.insert(option.name)
                continue
            }
            if let inline {
                guard !inline.isEmpty else { throw parsed.problem("\(option.spelling) needs a value") }
                parsed.values[option.name] = inline
                continue
            }
            guard takesNextWord(option, word, words, index) else {
                throw parsed.problem("\(option.spelling) needs a value")
            }
            parsed.values[option.name] = words[index]
            index += 1
        }
    }

    private static func check(_ parsed: ParsedArguments) throws(UsageError) {
        if let missing = parsed.options.first(where: { $0.isRequired && parsed.values[$0.name] == nil }) {
            throw parsed.problem("\(missing.spelling) is required")
        }
        let declared = parsed.declaration.positionals
        if parsed.positionals.count > declared.count {
            throw parsed.problem("unexpected argument '\(parsed.positionals[declared.count])'")
        }
        if let missing = declared.dropFirst(parsed.positionals.count).first(where: \.isRequired) {
            throw parsed.problem("\(missing.name) is missing: \(missing.doc)")
        }
    }

    /// `--x`, `--x=v` and `-x` are options; `-` alone (standard input, by custom) is not.
    private static func isOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word != "-"
    }

    /// A value option written without `=` takes the next word, unless that word is another `--` option:
    /// `--listen --state-dir D` is a missing value, not a listen address. A single dash is allowed, so
    /// `--clock-offset -30s` works.
    private static func takesNextWord(_ option: OptionDeclaration, _ word: String, _ words: [String], _ next: Int) -> Bool {
        !option.isFlag && !word.contains("=") && next < words.count && !words[next].hasPrefix("--")
    }

    private static func lookUp(_ word: String, in options: [OptionDeclaration]) -> OptionDeclaration? {
        if word.hasPrefix("--") {
            let name = word.dropFirst(2).prefix { $0 != "=" }
            return options.first { $0.name == name }
        }
        let short = word.dropFirst()
        guard short.count == 1 || short.dropFirst().hasPrefix("=") else { return nil }
        return options.first { $0.short == short.first }
    }

    private static func unknownOption(_ word: String, known: [OptionDeclaration], command: String) -> UsageError {
        let typed = String(word.prefix { $0 != "=" })
        if typed == "--help" { return UsageError("--help takes no value", command: command) }
        var message = "unknown option '\(typed)'"
        let bare = String(typed.drop { $0 == "-" })
        if let near = NearestName.suggestion(for: bare, among: known.map(\.name) + ["help"]) {
            message += "; did you mean '--\(near)'?"
        }
        return UsageError(message, command: command)
    }
}
