import KioskService
import KioskStore

/// The state directory's database, opened directly by admin commands (badges, programmes, outbox).
enum LocalStore {
    /// The settings `--config` and `--state-dir` describe.
    static func configuration(path: String?, stateDirectory: String?) throws -> ServiceConfiguration {
        try ConfigErrorReport.load(path: path, overrides: stateDirectory.map { [("state_dir", $0)] } ?? [])
    }

    /// Opens the store in `configuration`'s state directory; SQLite's WAL lets a running service carry on.
    /// A damaged database, or a folder in use that lost its database, is refused as `serve` refuses it.
    static func open(_ configuration: ServiceConfiguration) throws -> KioskStore {
        do {
            return try ServiceHost.openStore(in: configuration.stateDirectory)
        } catch .refused(let reason) {
            throw StateRefused(reason)
        } catch {
            throw RuntimeError("\(error)")
        }
    }

    static func open(path: String?, stateDirectory: String?) throws -> KioskStore {
        try open(configuration(path: path, stateDirectory: stateDirectory))
    }
}
