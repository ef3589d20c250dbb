@preconcurrency import Glibc
import CSQLite
import Foundation
import KioskCore
import Posix

/// Copies of the kiosk's database: taken while claims arrive, checked, and put back with the service stopped.
///
/// A copy is made with SQLite's online backup in one step, so it is one consistent moment of the
/// database (a read transaction the writer works beside), never a file copied half-way through a commit.
public enum StoreBackup {
    /// What a copy holds, for the admin to see it is the right one.
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        public var sessions: Int
        public var claims: Int
        public var awards: Int
        public var schemaVersion: Int
        public var bytes: Int

        public var description: String {
            "\(sessions) session(s), \(claims) claim(s), \(awards) award(s); database version \(schemaVersion); \(bytes) bytes"
        }
    }

    /// Writes a consistent copy of the database in `directory` to `file` (readable by its owner only),
    /// checks the copy, and only then moves it into place: a failed backup leaves `file` as it was.
    @discardableResult
    public static func backup(stateDirectory directory: String, to file: String) throws(StoreError) -> Summary {
        let database = databasePath(in: directory)
        guard FileManager.default.fileExists(atPath: database) else {
            throw .notFound("database in \(directory) (\(KioskStore.fileName))")
        }
        let source = try Connection.open(path: database, readOnly: true)
        defer { source.close() }
        let partial = file + ".partial"
        let summary = try copy(from: source, toNewFile: partial, journal: "DELETE")
        try moveIntoPlace(partial, file)
        return summary
    }

    /// Puts the copy in `file` back as the database in `directory`. Refused while the service runs
    /// (it holds the folder's lock) and for a copy that fails its integrity check or was made by a newer
    /// badgekiosk. The database it replaces is kept beside it as `badgekiosk.sqlite.before-restore-<time>`.
    @discardableResult
    public static func restore(from file: String, stateDirectory directory: String,
                               at now: Timestamp = .now()) throws(StoreError) -> Summary {
        let lock: FolderLock?
        do {
            lock = try FolderLock.take(KioskStore.lockFileName, in: directory)
        } catch {
            throw .cannotOpen(path: directory, reason: error.description)
        }
        guard let lock else {
            throw .invalid("the service is running on \(directory); stop it first (sudo systemctl stop badgekiosk), then restore")
        }
        // Held until the new database is in place, so the service cannot start on a half-done restore.
        defer { withExtendedLifetime(lock) {} }
        let backup = try openChecked(file)
        defer { backup.close() }
        let database = databasePath(in: directory)
        let incoming = database + ".restoring"
        let summary = try copy(from: backup, toNewFile: incoming, journal: "WAL")
        try setAside(database, as: replacedDatabasePath(in: directory, at: now))
        try moveIntoPlace(incoming, database)
        matchOwner(of: database, to: directory)
        // Made by this restore when the folder never had a service: the service must be able to open it.
        matchOwner(of: "\(directory)/\(KioskStore.lockFileName)", to: directory)
        return summary
    }

    /// What the copy in `file` holds, once it passed the checks a restore makes: for the admin to see
    /// it is the right copy before putting it back.
    public static func inspect(_ file: String) throws(StoreError) -> Summary {
        let backup = try openChecked(file)
        defer { backup.close() }
        var summary = try count(backup, path: file)
        summary.bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        return summary
    }

    /// Where a restore at `stamp` keeps the database it replaces in `directory`.
    public static func replacedDatabasePath(in directory: String, at stamp: Timestamp) -> String {
        databasePath(in: directory) + ".before-restore-\(stamp.milliseconds / 1000)"
    }

    /// Opens a backup read-only after the full integrity check, refusing one a newer badgekiosk made.
    private static func openChecked(_ file: String) throws(StoreError) -> Connection {
        guard FileManager.default.fileExists(atPath: file) else { throw .notFound("backup file \(file)") }
        let backup = try Connection.open(path: file, readOnly: true)
        do throws(StoreError) {
            try KioskStore.checkIntegrity(backup, path: file, full: true)
            let version = try schemaVersion(backup, path: file)
            guard version <= Migrations.latestVersion else {
                throw StoreError.newerSchema(found: version, supported: Migrations.latestVersion)
            }
            return backup
        } catch {
            backup.close()
            throw error
        }
    }

    private static func databasePath(in directory: String) -> String {
        directory.hasSuffix("/") ? directory + KioskStore.fileName : directory + "/" + KioskStore.fileName
    }

    /// Copies every page of `source` into a new file at `path` in one backup step, then checks the copy.
    private static func copy(from source: Connection, toNewFile path: String, journal: String) throws(StoreError) -> Summary {
        _ = systemCall("unlink \(path)") { unlink(path) }
        // Made here first, so the copy of learners' names and emails is never readable by others.
        switch systemCall("open \(path)", { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }) {
        case .success(let fd): FileDescriptor.close(fd)
        case .failure(let error): throw .cannotOpen(path: path, reason: error.description)
        }
        do {
            let target = try Connection.open(path: path, readOnly: false)
            defer { target.close() }
            try pages(from: source, to: target)
            try target.execute("PRAGMA journal_mode = \(journal == "WAL" ? "WAL" : "DELETE")")
            try KioskStore.checkIntegrity(target, path: path)
            var summary = try count(target, path: path)
            summary.bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return summary
        } catch {
            _ = systemCall("unlink \(path)") { unlink(path) }
            throw error
        }
    }

    /// `sqlite3_backup_step(-1)`: all pages under one read lock, retried while the source is busy.
    private static func pages(from source: Connection, to target: Connection) throws(StoreError) {
        for _ in 0..<50 {
            guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
                throw target.error(sqlite3_errcode(target.handle))
            }
            let step = sqlite3_backup_step(backup, -1)
            let finish = sqlite3_backup_finish(backup)
            if step == SQLITE_DONE, finish == SQLITE_OK { return }
            guard step == SQLITE_BUSY || step == SQLITE_LOCKED else { throw target.error(step == SQLITE_DONE ? finish : step) }
            usleep(100_000)
        }
        throw .sqlite(code: SQLITE_BUSY, message: "the database stayed busy for five seconds")
    }

    private static func schemaVersion(_ connection: Connection, path: String) throws(StoreError) -> Int {
        do {
            let statement = try connection.prepare("SELECT MAX(version) FROM schema_migrations")
            guard try statement.step(), let version = statement.optionalInt64(at: 0) else { throw StoreError.invalid("") }
            return Int(version)
        } catch {
            throw .invalid("\(path) is not a badgekiosk database")
        }
    }

    private static func count(_ connection: Connection, path: String) throws(StoreError) -> Summary {
        let version = try schemaVersion(connection, path: path)
        let counts = try connection.prepare("""
            SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM claims), (SELECT COUNT(*) FROM awards)
            """)
        guard try counts.step() else { throw .invalid("\(path) is not a badgekiosk database") }
        return Summary(sessions: counts.int(at: 0), claims: counts.int(at: 1), awards: counts.int(at: 2),
                       schemaVersion: version, bytes: 0)
    }

    /// Renames the database and its log files aside together, so nothing it held is lost.
    private static func setAside(_ database: String, as aside: String) throws(StoreError) {
        for part in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database + part) {
            if case .failure(let error) = systemCall("rename", { rename(database + part, aside + part) }) {
                throw .cannotOpen(path: database + part, reason: "it could not be set aside (\(error))")
            }
        }
    }

    /// Syncs `partial` to disk, renames it over `final` and syncs the folder, so the new name survives power loss.
    private static func moveIntoPlace(_ partial: String, _ final: String) throws(StoreError) {
        do throws(SystemError) {
            try FileDescriptor.sync(partial)
            try retryingEINTR("rename \(partial)") { rename(partial, final) }
            try FileDescriptor.sync(FileDescriptor.folder(of: final))
        } catch {
            _ = systemCall("unlink \(partial)") { unlink(partial) }
            throw .cannotOpen(path: final, reason: error.description)
        }
    }

    /// A restore run as root gives the database to the folder's owner (the service's user).
    private static func matchOwner(of path: String, to directory: String) {
        var folder = stat()
        guard case .success = systemCall("stat \(directory)", { stat(directory, &folder) }) else { return }
        _ = systemCall("chown \(path)") { chown(path, folder.st_uid, folder.st_gid) }
    }
}
