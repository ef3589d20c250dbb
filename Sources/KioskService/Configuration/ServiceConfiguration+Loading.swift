@preconcurrency import Glibc
import Posix

extension ServiceConfiguration {
    /// Builds the configuration from defaults, then the file, then `BADGEKIOSK_<KEY>` variables, then flags.
    ///
    /// - Parameters:
    ///   - path: the file to read; nil reads `defaultPath` if it exists.
    ///   - environment: the process environment.
    ///   - overrides: settings from command-line flags, as `(key, value)`.
    public static func load(path: String?, environment: [String: String],
                            overrides: [(String, String)] = []) throws(ConfigError) -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        if let file = try readFile(path ?? environment["BADGEKIOSK_CONFIG"], required: path != nil) {
            for entry in file.entries {
                if let problem = configuration.set(entry.key, to: entry.value) {
                    throw ConfigError(source: file.path, line: entry.line, key: entry.key, problem: problem)
                }
            }
        }
        for key in keys {
            guard let value = environment["BADGEKIOSK_\(key.uppercased())"] else { continue }
            if let problem = configuration.set(key, to: value) {
                throw ConfigError(source: "environment", key: "BADGEKIOSK_\(key.uppercased())", problem: problem)
            }
        }
        for (key, value) in overrides {
            if let problem = configuration.set(key, to: value) {
                throw ConfigError(source: "command line", key: key, problem: problem)
            }
        }
        return configuration
    }

    private static func readFile(_ explicitPath: String?, required: Bool) throws(ConfigError) -> ConfigFile? {
        let path = explicitPath ?? defaultPath
        switch FileDescriptor.readFile(path, limit: 1 << 20) {
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ConfigError(source: path, key: "config", problem: "is not UTF-8 text")
            }
            return try ConfigFile(path: path, text: text)
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
