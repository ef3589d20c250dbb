@preconcurrency import Glibc
import Posix

extension KioskSettings {
    /// Variables starting `BADGEKIOSK_` that are not settings but that the program, its packaging or
    /// its tests read (tests start services with their own environment). Any other such variable is
    /// refused, so a misspelt setting is noticed instead of silently ignored.
    public static let otherVariables: Set<String> = [
        "BADGEKIOSK_CONFIG", "BADGEKIOSK_VERSION", "BADGEKIOSK_RECORD_GOLDEN", "BADGEKIOSK_FUZZ_TARGET",
        "BADGEKIOSK_BROWSER_ARTIFACTS", "BADGEKIOSK_BROWSER_TIMEOUT", "BADGEKIOSK_STAFF_TOKEN", "BADGEKIOSK_SESSION_ID",
        "BADGEKIOSK_SHORT_CODE",
    ]

    /// Builds the settings from defaults, then the file, then `BADGEKIOSK_<KEY>` variables, then flags.
    ///
    /// - Parameters:
    ///   - path: the file to read; nil reads `BADGEKIOSK_CONFIG`, else `ServiceConfiguration.defaultPath` if it exists.
    ///   - environment: the process environment.
    ///   - overrides: settings from command-line flags, as `(key, value)`, of either part.
    public static func load(path: String?, environment: [String: String],
                            overrides: [(String, String)] = []) throws(ConfigError) -> KioskSettings {
        var settings = KioskSettings()
        if let file = try readFile(path ?? environment["BADGEKIOSK_CONFIG"], required: path != nil) {
            for entry in file.entries {
                try settings.apply(entry, from: file.path)
            }
        }
        try settings.applyEnvironment(environment)
        for (key, value) in overrides {
            if let problem = settings.set(key, to: value) {
                throw ConfigError(source: "command line", key: key, problem: problem)
            }
        }
        try settings.applyVenueFile()
        return settings
    }

    /// This laptop's own venue name from `venue_file`, when that file exists: the one thing that
    /// differs between kiosks sharing a settings file, kept outside it.
    private mutating func applyVenueFile() throws(ConfigError) {
        let path = service.venueFile
        switch FileDescriptor.readFile(path, limit: 4096) {
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ConfigError(source: path, key: "venue_file", problem: "is not UTF-8 text")
            }
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            guard let index = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) else {
                throw ConfigError(source: path, key: "venue_file", problem: "is empty: write the venue's name in it")
            }
            let name = lines[index].drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
            if let problem = set("venue_name", to: String(name)) {
                throw ConfigError(source: path, line: index + 1, key: "venue_name", problem: problem)
            }
        case .failure(let error) where error.code == ENOENT:
            return
        case .failure(let error):
            throw ConfigError(source: path, key: "venue_file", problem: "cannot be read (\(error))")
        }
    }

    /// A key may sit above the first header (files from before the headers) or under its own part's header.
    private mutating func apply(_ entry: ConfigFile.Entry, from path: String) throws(ConfigError) {
        if let section = entry.section, let home = Self.section(of: entry.key), home.name != section {
            throw ConfigError(source: path, line: entry.line, key: entry.key,
                              problem: "belongs under [\(home.name)], not [\(section)]")
        }
        if let problem = set(entry.key, to: entry.value) {
            throw ConfigError(source: path, line: entry.line, key: entry.key, problem: problem)
        }
    }

    private mutating func applyEnvironment(_ environment: [String: String]) throws(ConfigError) {
        let prefix = SettingInfo.variablePrefix
        for (name, value) in environment.sorted(by: { $0.key < $1.key })
        where name.hasPrefix(prefix) && !Self.otherVariables.contains(name) {
            let key = String(name.dropFirst(prefix.count))
            guard key == key.uppercased(), Self.keys.contains(key.lowercased()) else {
                let problem = Self.notASetting(key, among: Self.keys.map { $0.uppercased() }, shownAs: { prefix + $0 })
                throw ConfigError(source: "environment", key: name, problem: problem)
            }
            if let problem = set(key.lowercased(), to: value) {
                throw ConfigError(source: "environment", key: name, problem: problem)
            }
        }
    }

    private static func readFile(_ explicitPath: String?, required: Bool) throws(ConfigError) -> ConfigFile? {
        let path = explicitPath ?? ServiceConfiguration.defaultPath
        switch FileDescriptor.readFile(path, limit: 1 << 20) {
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ConfigError(source: path, key: "config", problem: "is not UTF-8 text")
            }
            return try ConfigFile(path: path, text: text, sections: sections.map(\.name))
        case .failure(let error) where error.code == ENOENT:
            if required || explicitPath != nil {
                throw ConfigError(source: path, key: "config", problem: "no such file")
            }
            return nil
        case .failure(let error):
            throw ConfigError(source: path, key: "config", problem: "cannot be read (\(error))")
        }
    }
}
