import Foundation
import KioskService
import KioskStore

/// The state directory's database, opened directly by admin commands (badges, programmes, outbox).
enum LocalStore {
    /// The options every admin command takes to find the database.
    static let options = [
        SettingsOptions.stateDirectory,
        SettingsOptions.config,
    ]

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

    /// `open`, for commands that only read: a folder the service has never used is said plainly, not made.
    static func openExisting(_ configuration: ServiceConfiguration) throws -> KioskStore {
        let database = "\(configuration.stateDirectory)/\(KioskStore.fileName)"
        guard FileManager.default.fileExists(atPath: database) else {
            throw RuntimeError("there is no database at \(database) yet (has the service run?)")
        }
        return try open(configuration)
    }

    /// The store the settings `parsed` names (`--config`, `--state-dir`) describe.
    static func open(_ parsed: ParsedArguments) throws -> KioskStore {
        try open(SettingsOptions.load(parsed).service)
    }
}
