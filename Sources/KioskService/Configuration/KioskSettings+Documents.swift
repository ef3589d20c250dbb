extension SettingsSection {
    /// The settings for `--help`, one line each: `listen (BADGEKIOSK_LISTEN, default 0.0.0.0:8080): …`,
    /// then what the part says about itself.
    public var help: String {
        let lines = settings.flatMap { setting in
            ["  \(setting.key) = \(setting.defaultValue ?? "(unset)")", "      \(setting.doc)"]
        }
        let title = "Settings under [\(name)] in the settings file, shown with their defaults; "
            + "each can also be set as BADGEKIOSK_<KEY> in the environment, e.g. \(settings[0].variable):"
        return ([title] + lines + about).joined(separator: "\n")
    }

    /// This part of the example file: its header, then each setting's doc, default and line.
    var exampleLines: [String] { lines(setting: [:]) }

    /// This part of a settings file in the example's layout, with the settings in `values` (by key) set.
    func lines(setting values: [String: String]) -> [String] {
        var lines = ["", "# ==== \(title) ===="] + about.map { "# " + $0 } + ["[\(name)]"]
        for setting in settings {
            if let heading = setting.heading { lines += ["", "# --- \(heading) ---"] }
            lines.append("")
            lines += ([setting.doc] + setting.comment).map { "# " + $0 }
            if let value = setting.defaultValue { lines.append("# Default: \(value)") }
            if let value = values[setting.key] {
                lines.append("\(setting.key) = \(ConfigFile.quoted(value))")
                continue
            }
            switch setting.exampleLine {
            case .active: lines.append("\(setting.key) = \(setting.defaultValue ?? "")")
            case .commented: lines.append("# \(setting.key) = \(setting.defaultValue ?? "")")
            case .sample(let sample): lines.append("# \(setting.key) = \(sample)")
            }
        }
        return lines
    }
}

extension KioskSettings {
    /// The repository's path of the example file made from the tables.
    public static let examplePath = "kiosk/badgekiosk.conf.example"

    /// `kiosk/badgekiosk.conf.example`: every setting with its doc and default, made from the tables
    /// (a test checks the checked-in copy is the same).
    public static var exampleFile: String {
        let intro = [
            "# badgekiosk settings: one `key = value` a line; `#` starts a comment.",
            "# Every key can also be set as BADGEKIOSK_<KEY> in the environment (e.g. BADGEKIOSK_VENUE_NAME),",
            "# which wins over this file; flags given on the command line win over both. A BADGEKIOSK_",
            "# variable that is not a setting stops the program, so a misspelt name is noticed.",
            "# The service's keys go under [service], the front's under [front]. Keys above the first",
            "# header are read wherever they belong, so files written before there were headers still work.",
            "# Copy to \(ServiceConfiguration.defaultPath) and restart: systemctl restart badgekiosk",
        ]
        return (intro + sections.flatMap(\.exampleLines)).joined(separator: "\n") + "\n"
    }
}
