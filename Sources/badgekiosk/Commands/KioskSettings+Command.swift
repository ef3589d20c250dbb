import Foundation
import KioskService

extension KioskSettings {
    /// The service's and the front's settings for a command, from `--config`, the environment and its
    /// flags; a bad setting is reported as `file:line: key: problem` (exit code 2).
    static func forCommand(path: String?, overrides: [(String, String)]) throws(ConfigErrorReport) -> KioskSettings {
        do {
            return try load(path: path, environment: ProcessInfo.processInfo.environment, overrides: overrides)
        } catch {
            throw ConfigErrorReport(error: error)
        }
    }
}
