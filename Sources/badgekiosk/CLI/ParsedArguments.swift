/// What `CommandParser` read: the command and action named, and the options and positionals given,
/// with typed accessors that turn a bad value into a plain-words `UsageError`.
///
/// An accessor asked for a name the declaration does not have is a programming mistake, not a user's:
/// it stops the program.
struct ParsedArguments: Sendable {
    /// `["badgekiosk", "badges", "add"]`.
    let path: [String]
    /// The command or action named.
    let declaration: CommandDeclaration
    /// The options it takes: its own and its command's.
    let options: [OptionDeclaration]
    /// `-h` or `--help` was given: show help, do nothing else.
    let helpRequested: Bool
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    init(path: [String], declaration: CommandDeclaration, options: [OptionDeclaration], helpRequested: Bool) {
        self.path = path
        self.declaration = declaration
        self.options = options
        self.helpRequested = helpRequested
    }

    /// `badgekiosk badges add`, for messages.
    var command: String { path.joined(separator: " ") }

    /// A usage error about this command.
    func problem(_ message: String) -> UsageError {
        UsageError(message, command: command)
    }

    /// The value given, else the declared default value, else nil.
    func string(_ name: String) -> String? {
        let option = declared(name)
        if let value = values[name] { return value }
        if case .value(let value) = option.defaultValue { return value }
        return nil
    }

    /// The value given or the default; a required option is always there, as the parser checks.
    func required(_ name: String) throws(UsageError) -> String {
        guard let value = string(name) else { throw problem("--\(name) is required") }
        return value
    }

    /// True when the flag was given.
    func flag(_ name: String) -> Bool {
        precondition(declared(name).isFlag, "--\(name) takes a value, it is not a flag")
        return flags.contains(name)
    }

    /// A whole number within `range`, given or the default; nil when neither.
    func optionalNumber(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "of \(range.lowerBound) or more"
                : "from \(range.lowerBound) to \(range.upperBound)"
            throw problem("--\(name) takes a whole number \(bounds), not '\(text)'")
        }
        return value
    }

    /// A whole number within `range`, for an option the declaration gives a default value (or makes required).
    func number(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let value = try optionalNumber(name, in: range) else { throw problem("--\(name) is required") }
        return value
    }

    /// One of `Choice`'s raw values, for an option the declaration gives a default value (or makes required).
    func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, of _: Choice.Type) throws(UsageError) -> Choice
        where Choice.RawValue == String {
        let text = try required(name)
        guard let value = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue)
            let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
            throw problem("--\(name) takes \(list), not '\(text)'")
        }
        return value
    }

    /// The positional declared as `name`, if given.
    func positional(_ name: String) -> String? {
        guard let index = declaration.positionals.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("\(command) declares no positional \(name)")
        }
        return index < positionals.count ? positionals[index] : nil
    }

    /// A positional the declaration makes required, so the parser has checked it is there.
    func required(positional name: String) throws(UsageError) -> String {
        guard let value = positional(name) else { throw problem("\(name) is missing") }
        return value
    }

    /// `(key, value)` for each option given that stands for a configuration setting, in the order
    /// declared: the overrides to load the configuration with.
    var settingOverrides: [(String, String)] {
        options.compactMap { option in
            guard let key = option.setting, let value = values[option.name] else { return nil }
            return (key, value)
        }
    }

    private func declared(_ name: String) -> OptionDeclaration {
        guard let option = options.first(where: { $0.name == name }) else {
            preconditionFailure("\(command) declares no option --\(name)")
        }
        return option
    }
}
