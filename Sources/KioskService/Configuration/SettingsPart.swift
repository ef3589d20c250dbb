/// A group of settings with its own table: the service's, or the front's.
protocol SettingsPart: Sendable, Equatable {
    /// The settings, in the order the example file and help show them.
    static var settings: [Setting<Self>] { get }
    /// The value every setting starts from before its table default is applied; never seen outside `tableDefaults`.
    init(unfilled: ())
}

extension SettingsPart {
    /// Every setting at its table default. A default the table's own check refuses stops the program:
    /// the table is wrong, and `SettingsTableTests` says which row.
    static func tableDefaults() -> Self {
        var settings = Self(unfilled: ())
        for setting in Self.settings {
            guard let text = setting.info.defaultValue else { continue }
            if let problem = setting.apply(&settings, text) {
                preconditionFailure("the default of \(setting.info.key) is refused: \(problem)")
            }
        }
        return settings
    }

    /// The row for `key`, if this part has one.
    static func setting(_ key: String) -> Setting<Self>? {
        settings.first { $0.info.key == key }
    }
}
