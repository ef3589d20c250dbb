/// What an admin reads about one setting: its key, what it does, its default and its flag.
///
/// The file parser, the environment, `--help` and `kiosk/badgekiosk.conf.example` are all made from
/// these, so a setting is described in one place only (the tables in `ServiceConfiguration+Settings`
/// and `FrontSettings`).
public struct SettingInfo: Sendable, Equatable {
    /// How the example file shows the setting.
    public enum ExampleLine: Sendable, Equatable {
        /// `key = default`: most kiosks keep it, and it shows the admin where to change it.
        case active
        /// `# key = default`: rarely changed, shown so an admin knows it exists.
        case commented
        /// `# key = sample`: a value each kiosk chooses for itself.
        case sample(String)
    }

    /// The file key, e.g. `venue_name`.
    public let key: String
    /// One line saying what the setting does.
    public let doc: String
    /// Longer guidance for the example file, one string a line.
    public let comment: [String]
    /// The value used when nothing sets it, as it would be written; nil when it is unset.
    public let defaultValue: String?
    public let exampleLine: ExampleLine
    /// The example file's heading for a group of settings that starts here.
    public let heading: String?
    /// The command-line flag that sets it, if it has one.
    public let flag: SettingFlag?

    init(key: String, doc: String, comment: [String], defaultValue: String?, exampleLine: ExampleLine,
         heading: String?, flag: (name: String, valueName: String)?) {
        self.key = key
        self.doc = doc
        self.comment = comment
        self.defaultValue = defaultValue
        self.exampleLine = exampleLine
        self.heading = heading
        self.flag = flag.map {
            SettingFlag(name: $0.name, valueName: $0.valueName, doc: doc, key: key, defaultValue: defaultValue)
        }
    }

    /// The environment variable that sets it: `BADGEKIOSK_` and the key in capitals.
    public var variable: String { Self.variablePrefix + key.uppercased() }

    static let variablePrefix = "BADGEKIOSK_"
}

/// A command-line flag that sets one setting, e.g. `--listen HOST:PORT`, for commands to build
/// their options and `--help` from.
public struct SettingFlag: Sendable, Equatable {
    /// The flag without its dashes: `listen`, `state-dir`, `service`.
    public let name: String
    /// What its value looks like in help: `HOST:PORT`, `DIR`, `URL`.
    public let valueName: String
    /// The setting's one-line doc.
    public let doc: String
    /// The setting it sets, as `ServiceConfiguration.load`'s overrides name it.
    public let key: String
    /// The default as help shows it; nil when the setting is unset by default.
    public let defaultValue: String?
}
