import CSQLite
import KioskCore
@testable import KioskStore
import Testing

@Suite("Storage faults: which errors count, and when they end")
struct StoreHealthTests {
    @Test func sqliteCodesMapToFaults() {
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_FULL, message: "database or disk is full")) == .full)
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_IOERR | (4 << 8), message: "disk I/O error")) == .inputOutput)
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_READONLY, message: "readonly")) == .readOnly)
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_CORRUPT, message: "malformed")) == .damaged)
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_NOTADB, message: "not a database")) == .damaged)
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_CONSTRAINT, message: "UNIQUE")) == nil)
        #expect(StorageFault.kind(of: .sqlite(code: SQLITE_BUSY, message: "locked")) == nil)
        #expect(StorageFault.kind(of: .notFound("session 7")) == nil)
        #expect(StorageFault.kind(of: .closed) == nil)
    }

    @Test func aFaultLastsUntilAWriteAndDamageUntilRestart() {
        let health = StoreHealth()
        health.failed(.invalid("a session needs at least one badge"))
        #expect(health.current == nil)
        health.failed(.sqlite(code: SQLITE_FULL, message: "database or disk is full"))
        let first = health.current
        #expect(first?.kind == .full)
        health.failed(.sqlite(code: SQLITE_IOERR, message: "disk I/O error"))
        #expect(health.current == first)
        health.wrote()
        #expect(health.current == nil)

        health.failed(.sqlite(code: SQLITE_FULL, message: "database or disk is full"))
        health.failed(.sqlite(code: SQLITE_CORRUPT, message: "database disk image is malformed"))
        #expect(health.current?.kind == .damaged)
        health.wrote()
        #expect(health.current?.kind == .damaged)
        #expect(health.current?.description.contains("restore the database from a backup") == true)
    }

    @Test("a write that fails for want of room marks the store until a commit changes rows")
    func writerReportsFaults() throws {
        let fixture = try Fixture()
        #expect(throws: StoreError.self) {
            try fixture.store.writeAndWait { (_: Connection) throws -> Void in
                throw StoreError.sqlite(code: SQLITE_FULL, message: "database or disk is full")
            }
        }
        #expect(fixture.store.storageFault?.kind == .full)
        // A commit that changed nothing wrote nothing, so it proves nothing.
        _ = try fixture.store.outboxSummary()
        try fixture.store.writeAndWait { _ in }
        #expect(fixture.store.storageFault?.kind == .full)
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        #expect(fixture.store.storageFault == nil)
    }
}
