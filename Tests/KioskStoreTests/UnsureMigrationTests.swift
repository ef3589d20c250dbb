import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// Version 5 rebuilds the awards table so its state check allows `unsure`.
@Suite("Migration 5: unsure awards")
struct UnsureMigrationTests {
    /// The last version before the rebuild.
    static let before = 4

    @Test("an older database with awards in every state keeps every row and index, and takes unsure")
    func rowsAndIndexesSurvive() throws {
        let directory = TemporaryDirectory()
        let path = directory.child(KioskStore.fileName)
        try Self.makeOldDatabase(path)
        let rowsBefore = try Self.rows(path, "SELECT \(Self.awardColumns) FROM awards ORDER BY id", columns: 11)
        let indexesBefore = try Self.rows(path, Self.awardIndexes, columns: 2)
        #expect(Set(rowsBefore.map { $0[3] }) == ["queued", "sending", "sent", "failed"])
        #expect(indexesBefore.map(\.[0]) == ["awards_by_claim", "awards_errors", "awards_outbox"])

        let store = try KioskStore(directory: directory.path)
        #expect(try Self.rows(path, "SELECT \(Self.awardColumns) FROM awards ORDER BY id", columns: 11) == rowsBefore)
        // Versions 8 and 9 add indexes after the rebuild; every earlier one comes across as it was.
        let added: Set = ["awards_acceptance_due", "awards_queued_age"]
        let indexesAfter = try Self.rows(path, Self.awardIndexes, columns: 2)
        #expect(indexesAfter.filter { !added.contains($0[0]) } == indexesBefore)
        #expect(added.isSubset(of: indexesAfter.map(\.[0])))
        #expect(try Self.rows(path, "SELECT MAX(version) FROM schema_migrations") == [[String(Migrations.latestVersion)]])
        #expect(try Self.rows(path, "PRAGMA foreign_key_check").isEmpty)
        #expect(try Self.rows(path, "SELECT name FROM sqlite_master WHERE name LIKE 'awards_rebuilt%'").isEmpty)

        // The writer keeps enforcing foreign keys after the rebuild turned them off and on.
        let enforced = try store.writeAndWait { connection in
            let pragma = try connection.prepare("PRAGMA foreign_keys")
            _ = try pragma.step()
            return pragma.int(at: 0)
        }
        #expect(enforced == 1)
        try store.writeAndWait { try $0.execute("UPDATE awards SET state = 'unsure' WHERE id = 1") }
        #expect(throws: StoreError.self) {
            try store.writeAndWait { try $0.execute("UPDATE awards SET state = 'lost' WHERE id = 2") }
        }
        #expect(throws: StoreError.self) {
            try store.writeAndWait { try $0.execute("UPDATE awards SET claim_id = 'no-such-claim' WHERE id = 2") }
        }
        let summary = try store.outboxSummary()
        #expect(summary.counts == [.queued: 0, .sending: 1, .sent: 1, .failed: 1, .unsure: 1, .waiting: 0, .lapsed: 0])
        #expect(summary.unsure.map(\.id) == [1])
        store.close()
    }

    @Test("a column and an index an earlier migration added come across too")
    func laterAdditionsSurvive() throws {
        let directory = TemporaryDirectory()
        let path = directory.child(KioskStore.fileName)
        try Self.makeOldDatabase(path) { connection in
            try connection.execute("""
                ALTER TABLE awards ADD COLUMN note TEXT;
                UPDATE awards SET note = 'kept ' || id;
                CREATE INDEX awards_by_note ON awards (note) WHERE note IS NOT NULL;
                CREATE VIEW sent_awards AS SELECT id, note FROM awards WHERE state = 'sent';
                """)
        }
        try KioskStore(directory: directory.path).close()
        #expect(try Self.rows(path, "SELECT note FROM awards ORDER BY id") == [["kept 1"], ["kept 2"], ["kept 3"], ["kept 4"]])
        #expect(try Self.rows(path, "SELECT name FROM sqlite_master WHERE name = 'awards_by_note'") == [["awards_by_note"]])
        #expect(try Self.rows(path, "SELECT id, note FROM sent_awards", columns: 2) == [["3", "kept 3"]])
    }

    @Test("a database whose state check is not the expected one is refused and left as it was")
    func unexpectedCheckIsRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.child(KioskStore.fileName)
        try Self.makeOldDatabase(path) { connection in
            try connection.execute("PRAGMA writable_schema = ON")
            try connection.execute("""
                UPDATE sqlite_master SET sql = replace(sql, 'CHECK (state IN', 'CHECK (state  IN') WHERE name = 'awards'
                """)
        }
        #expect {
            try KioskStore(directory: directory.path)
        } throws: { error in
            guard case let .migrationFailed(version, reason) = error as? StoreError else { return false }
            return version == 5 && reason.contains("state check")
        }
        #expect(try Self.rows(path, "SELECT COUNT(*) FROM awards") == [["4"]])
        #expect(try Self.rows(path, "SELECT MAX(version) FROM schema_migrations") != [["5"]])
    }

    /// A database at the version before the rebuild with one award in each of the old states;
    /// `change` runs on it afterwards.
    private static func makeOldDatabase(_ path: String, change: (Connection) throws -> Void = { _ in }) throws {
        let connection = try Connection.open(path: path, readOnly: false)
        defer { connection.close() }
        try Migrations.migrate(connection, at: Timestamp(milliseconds: 1_000), upTo: before)
        #expect(try Migrations.appliedVersion(connection) < 5)
        try connection.execute("""
            INSERT INTO badges (id, name, description, updated_at) VALUES ('b1', 'Day 1', '', 1), ('b2', 'Day 2', '', 1);
            INSERT INTO sessions (id, title, expected, created_at, ended_at) VALUES (1, 'Intro', 4, 1, 2);
            INSERT INTO claim_codes (id, session_id, kind, token, short, created_at, expires_at, max_claims, claimed)
                VALUES (1, 1, 'session', 'tok', 'K7M2QX', 2, 999, 5, 2);
            INSERT INTO claims (id, code_id, session_id, name, email, created_at)
                VALUES ('c1', 1, 1, 'Amira', 'amira@example.org', 3), ('c2', 1, 1, NULL, NULL, 4);
            INSERT INTO awards (id, claim_id, badge_id, state, attempts, next_attempt_at, last_error, issuer_ref,
                                created_at, updated_at, verify) VALUES
                (1, 'c1', 'b1', 'queued', 2, 50, 'timed out', NULL, 3, 40, 1),
                (2, 'c1', 'b2', 'sending', 1, NULL, NULL, NULL, 3, 41, 0),
                (3, 'c2', 'b1', 'sent', 1, NULL, NULL, 'E000001', 4, 42, 0),
                (4, 'c2', 'b2', 'failed', 3, NULL, 'HTTP 422: unknown badge', NULL, 4, 43, 0);
            """)
        try change(connection)
    }

    static let awardIndexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'awards' ORDER BY name"

    /// The awards table's columns up to version 5, in order.
    static let awardColumns = "id, claim_id, badge_id, state, attempts, next_attempt_at, last_error, issuer_ref, "
        + "created_at, updated_at, verify"

    /// Every row of `sql`, its first `columns` columns as text, read on a connection of its own.
    private static func rows(_ path: String, _ sql: String, columns: Int32 = 1) throws -> [[String]] {
        let connection = try Connection.open(path: path, readOnly: true)
        defer { connection.close() }
        let statement = try connection.prepare(sql)
        var rows: [[String]] = []
        while try statement.step() {
            rows.append((0..<columns).map { statement.text(at: $0) ?? "NULL" })
        }
        return rows
    }
}
