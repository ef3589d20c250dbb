import Foundation
import KioskService

/// A configuration problem surfaced by a command: reported as `file:line: key: problem`, exit code 2.
struct ConfigErrorReport: Error, CustomStringConvertible {
    let error: ConfigError

    var description: String { error.description }

    /// Loads the service's and the front's settings, wrapping the error so `main` can tell it from a runtime failure.
    static func load(path: String?, overrides: [(String, String)]) throws(ConfigErrorReport) -> KioskSettings {
        do {
            return try KioskSettings.load(path: path, environment: ProcessInfo.processInfo.environment, overrides: overrides)
        } catch {
            throw ConfigErrorReport(error: error)
        }
    }
}
