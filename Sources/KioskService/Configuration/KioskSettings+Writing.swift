extension KioskSettings {
    /// A whole settings file in the example file's layout, every setting in `values` (file text, by
    /// key) written as set and the others as the example shows them: what `badgekiosk setup` writes.
    public static func fileText(values: [String: String]) -> String {
        let intro = [
            "# badgekiosk settings, written by badgekiosk setup: run it again to change them, or edit",
            "# this file (one `key = value` a line; `#` starts a comment) and restart: systemctl restart badgekiosk",
        ]
        return (intro + sections.flatMap { $0.lines(setting: values) }).joined(separator: "\n") + "\n"
    }

    /// What is wrong with `value` for the setting `key`, in plain words; nil when the setting takes it.
    public static func problem(setting key: String, value: String) -> String? {
        var settings = KioskSettings()
        return settings.set(key, to: value)
    }

    /// The values of a settings file's text by key, as `badgekiosk setup` starts from.
    public static func values(ofFile path: String, text: String) throws(ConfigError) -> [String: String] {
        let file = try ConfigFile(path: path, text: text, sections: sections.map(\.name))
        return Dictionary(file.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
