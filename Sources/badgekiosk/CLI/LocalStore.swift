import KioskService
import KioskStore

/// The state directory's database, opened directly by admin commands (badges, programmes, outbox).
enum LocalStore {
    /// The settings `--config` and `--state-dir` describe.
    static func configuration(path: String?, stateDirectory: String?) throws -> ServiceConfiguration {
        try ConfigErrorReport.load(path: path, overrides: stateDirectory.map { [("state_dir", $0)] } ?? [])
    }

    /// Opens the store in `configuration`'s state directory; SQLite's WAL lets a running service carry on.
    static func open(_ configuration: ServiceConfiguration) throws -> KioskStore {
        do {
            return try KioskStore(directory: configuration.stateDirectory)
        } catch {
            throw RuntimeError("cannot open the store in \(configuration.stateDirectory): \(error)")
        }
    }

    static func open(path: String?, stateDirectory: String?) throws -> KioskStore {
        try open(configuration(path: path, stateDirectory: stateDirectory))
    }
}
