import Foundation
import KioskCore
@testable import KioskStore
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("a fresh database gets every table and records each version once")
    func freshDatabase() throws {
        let directory = TemporaryDirectory()
        let store = try KioskStore(directory: directory.path)
        store.close()
        let connection = try Connection.open(path: store.path, readOnly: true)
        let tables = try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        var names: [String] = []
        while try tables.step() { names.append(tables.text(at: 0) ?? "") }
        #expect(names == ["awards", "badges", "claim_codes", "claims", "email_later", "kiosk_state", "programme_badges", "programmes", "schema_migrations",
                          "session_badges", "session_figures", "sessions", "tallies"])
        #expect(try Migrations.appliedVersion(connection) == Migrations.latestVersion)
    }

    @Test("a missing state directory is created, readable by its owner only")
    func createsPrivateDirectory() throws {
        let directory = TemporaryDirectory()
        let state = directory.child("var/lib/badgekiosk")
        try KioskStore(directory: state).close()
        let attributes = try FileManager.default.attributesOfItem(atPath: state)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(FileManager.default.fileExists(atPath: state + "/" + KioskStore.fileName))
    }

    @Test("re-opening applies nothing again")
    func reopenIsNoOp() throws {
        let directory = TemporaryDirectory()
        try KioskStore(directory: directory.path).close()
        let path = directory.child(KioskStore.fileName)
        let before = try Self.migrationRows(path)
        let store = try KioskStore(directory: directory.path)
        store.close()
        let after = try Self.migrationRows(path)
        #expect(before.map(\.version) == Migrations.all.map(\.version))
        #expect(after.map(\.version) == before.map(\.version))
        #expect(after.map(\.appliedAt) == before.map(\.appliedAt))
    }

    @Test("a database from a newer version is refused, not touched")
    func newerVersionRefused() throws {
        let directory = TemporaryDirectory()
        try KioskStore(directory: directory.path).close()
        let path = directory.child(KioskStore.fileName)
        let connection = try Connection.open(path: path, readOnly: false)
        try connection.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)")
        connection.close()

        #expect(throws: StoreError.newerSchema(found: 99, supported: Migrations.latestVersion)) {
            try KioskStore(directory: directory.path)
        }
        #expect(try Self.migrationRows(path).map(\.version).last == 99)
        #expect(StoreError.newerSchema(found: 99, supported: 1).description.contains("newer"))
    }

    @Test("the writer runs in WAL mode with full syncs, foreign keys on, its undo in memory and short checkpoints")
    func durabilitySettings() throws {
        let directory = TemporaryDirectory()
        let store = try KioskStore(directory: directory.path)
        defer { store.close() }
        let settings = try store.writeAndWait { connection in
            let values = try ["journal_mode", "synchronous", "foreign_keys", "busy_timeout", "temp_store",
                              "wal_autocheckpoint"].map { name in
                let statement = try connection.prepare("PRAGMA \(name)")
                _ = try statement.step()
                return statement.text(at: 0) ?? ""
            }
            return values
        }
        #expect(settings == ["wal", "2", "1", "\(Connection.busyTimeoutMilliseconds)", "2", "250"])
    }

    @Test("an unusable location fails with a plain error naming the path")
    func cannotOpen() throws {
        let directory = TemporaryDirectory()
        try KioskStore(directory: directory.path).close()
        let blocker = directory.child(KioskStore.fileName) + "/inside"
        do {
            _ = try KioskStore(directory: blocker)
            Issue.record("opened a store inside a file")
        } catch {
            guard case let .cannotOpen(path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path.hasPrefix(blocker))
        }
    }

    private static func migrationRows(_ path: String) throws -> [(version: Int, appliedAt: Int64)] {
        let connection = try Connection.open(path: path, readOnly: true)
        let statement = try connection.prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version")
        var rows: [(Int, Int64)] = []
        while try statement.step() { rows.append((statement.int(at: 0), statement.int64(at: 1))) }
        return rows
    }
}
