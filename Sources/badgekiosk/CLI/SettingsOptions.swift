import KioskService

/// The options that stand for configuration settings, shared by the commands that read the settings
/// file, and loading the configuration with whatever of them was given.
enum SettingsOptions {
    static let config = OptionDeclaration(
        "config", placeholder: "FILE", doc: "Settings file", defaultValue: .described("\(ServiceConfiguration.defaultPath), if present"))

    /// `--state-dir DIR`, overriding the `state_dir` setting.
    static func stateDirectory(_ doc: String) -> OptionDeclaration {
        OptionDeclaration("state-dir", placeholder: "DIR", doc: doc, defaultValue: .described("state_dir from the settings, else /var/lib/badgekiosk"),
                          setting: "state_dir")
    }

    /// The configuration from `--config` (or the default file), the environment, and every option given
    /// that stands for a setting.
    static func load(_ parsed: ParsedArguments) throws(ConfigErrorReport) -> ServiceConfiguration {
        try ConfigErrorReport.load(path: parsed.string(config.name), overrides: parsed.settingOverrides)
    }
}
