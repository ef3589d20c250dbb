import KioskService

/// The options that stand for configuration settings, shared by the commands that read the settings
/// file, and loading the configuration with whatever of them was given.
enum SettingsOptions {
    static let config = OptionDeclaration(
        "config", valueName: "FILE", doc: "Settings file", defaultValue: .described("\(ServiceConfiguration.defaultPath), if present"))

    /// The options the settings table gives a flag (`--listen`, `--state-dir`, `--service`), as declared there.
    static func options(_ flags: [SettingFlag]) -> [OptionDeclaration] {
        flags.map { flag in
            OptionDeclaration(flag.name, valueName: flag.valueName, doc: flag.doc,
                              defaultValue: flag.defaultValue.map { .value($0) } ?? .none, setting: flag.key)
        }
    }

    /// `--state-dir DIR`, from the settings table.
    static var stateDirectory: OptionDeclaration {
        options(ServiceConfiguration.flags.filter { $0.key == "state_dir" })[0]
    }

    /// The settings from `--config` (or the default file), the environment, and every option given
    /// that stands for a setting.
    static func load(_ parsed: ParsedArguments) throws(ConfigErrorReport) -> KioskSettings {
        try ConfigErrorReport.load(path: parsed.string(config.name), overrides: parsed.settingOverrides)
    }
}
