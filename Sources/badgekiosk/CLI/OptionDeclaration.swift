/// One `--name` a command accepts: a flag, or an option with a value.
///
/// A plain value, so a command can append options made at run time from data (a table of settings)
/// as easily as the ones written out in its declaration.
struct OptionDeclaration: Sendable, Equatable {
    /// What help says when the option is not given.
    enum Default: Sendable, Equatable {
        /// Nothing: the option is simply absent.
        case none
        /// This value is used, and shown, when the option is not given.
        case value(String)
        /// Only words for help, e.g. "the state_dir setting": the command works the default out itself.
        case described(String)
    }

    /// The long name without its dashes: `state-dir`.
    var name: String
    /// The one-letter name without its dash, if any: `s` for `-s`.
    var short: Character?
    /// The value's name in help (`DIR`); nil for a flag, which takes no value.
    var valueName: String?
    /// One line for help: what it does.
    var doc: String
    var defaultValue: Default
    /// The command cannot run without it.
    var isRequired: Bool
    /// The configuration key the value overrides (`state_dir`), for options that stand for a setting.
    var setting: String?

    /// An option with a value: `--name VALUE` or `--name=VALUE`.
    init(_ name: String, short: Character? = nil, valueName: String, doc: String, defaultValue: Default = .none,
         isRequired: Bool = false, setting: String? = nil) {
        self.init(name: name, short: short, valueName: valueName, doc: doc, defaultValue: defaultValue,
                  isRequired: isRequired, setting: setting)
    }

    /// A flag: `--name`, true when given.
    static func flag(_ name: String, short: Character? = nil, doc: String) -> OptionDeclaration {
        OptionDeclaration(name: name, short: short, valueName: nil, doc: doc, defaultValue: .none, isRequired: false,
                          setting: nil)
    }

    private init(name: String, short: Character?, valueName: String?, doc: String, defaultValue: Default,
                 isRequired: Bool, setting: String?) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.doc = doc
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.setting = setting
    }

    var isFlag: Bool { valueName == nil }

    /// `--name` as typed.
    var spelling: String { "--\(name)" }

    /// How the usage line shows it: `--id ID`, or `[--svg FILE]` when it may be left out.
    var usage: String {
        let word = valueName.map { "\(spelling) \($0)" } ?? spelling
        return isRequired ? word : "[\(word)]"
    }

    /// The help line's left side: `-s, --state-dir DIR`.
    var helpLabel: String {
        let long = valueName.map { "\(spelling) \($0)" } ?? spelling
        return short.map { "-\($0), \(long)" } ?? long
    }

    /// The help line's right side: the doc and, when there is one, the default.
    var helpText: String {
        var text = doc.hasSuffix(".") ? String(doc.dropLast()) : doc
        switch defaultValue {
        case .none: break
        case .value(let value), .described(let value): text += " (default \(value))"
        }
        if isRequired { text += " (required)" }
        return text + "."
    }
}

/// A word that is not an option: `TEXT` for `badgekiosk qr TEXT`.
struct PositionalDeclaration: Sendable, Equatable {
    /// Its name in help and messages: `AWARD`.
    var name: String
    /// One line for help and for the message when it is missing.
    var doc: String
    var isRequired: Bool

    init(_ name: String, doc: String, isRequired: Bool = true) {
        self.name = name
        self.doc = doc
        self.isRequired = isRequired
    }

    var usage: String { isRequired ? name : "[\(name)]" }
}
