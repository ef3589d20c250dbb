import KioskStore
import Testing

@Suite("SQLite connection and statements")
struct ConnectionTests {
    @Test("every kind of value binds and reads back exactly")
    func valuesRoundTrip() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection.open(path: directory.child("values.sqlite"), readOnly: false)
        defer { connection.close() }
        try connection.execute("CREATE TABLE t (i INTEGER, s TEXT, r REAL, b BLOB, n TEXT)")
        let insert = try connection.cached("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
        try insert.bind([.integer(Int64.min), .text("a\u{0}b"), .real(2.5), .blob([0, 255, 7]), .null])
        try insert.run()
        #expect(connection.changes == 1)
        #expect(connection.lastInsertRowID == 1)

        let row = try connection.cached("SELECT i, s, r, b, n FROM t")
        #expect(try row.step())
        #expect(row.int64(at: 0) == Int64.min)
        #expect(row.text(at: 1) == "a\u{0}b")
        #expect(row.double(at: 2) == 2.5)
        #expect(row.blob(at: 3) == [0, 255, 7])
        #expect(row.text(at: 4) == nil)
        #expect(row.blob(at: 4) == nil)
        #expect(row.isNull(at: 4))
        #expect(try row.step() == false)
    }

    @Test("empty text and empty blobs stay empty, not NULL")
    func emptyValues() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection.open(path: directory.child("empty.sqlite"), readOnly: false)
        defer { connection.close() }
        try connection.execute("CREATE TABLE t (s TEXT, b BLOB)")
        let insert = try connection.prepare("INSERT INTO t VALUES (?, ?)")
        try insert.bind("", at: 1)
        try insert.bind([UInt8](), at: 2)
        try insert.run()
        let row = try connection.prepare("SELECT s, b, s IS NULL, b IS NULL FROM t")
        #expect(try row.step())
        #expect(row.text(at: 0) == "")
        #expect(row.blob(at: 1) == [])
        #expect(row.int(at: 2) == 0 && row.int(at: 3) == 0)
    }

    @Test("a cached statement is the same object, reset and cleared on each use")
    func cacheResets() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection.open(path: directory.child("cache.sqlite"), readOnly: false)
        defer { connection.close() }
        let first = try connection.cached("SELECT ?")
        try first.bind(7, at: 1)
        #expect(try first.step())
        #expect(first.int(at: 0) == 7)
        let second = try connection.cached("SELECT ?")
        #expect(first === second)
        #expect(try second.step())
        #expect(second.isNull(at: 0))
    }

    @Test("SQL errors carry SQLite's code and message")
    func errors() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection.open(path: directory.child("errors.sqlite"), readOnly: false)
        defer { connection.close() }
        do {
            try connection.execute("SELECT * FROM missing_table")
            Issue.record("no error for a missing table")
        } catch {
            guard case let .sqlite(code, message) = error else { Issue.record("unexpected \(error)"); return }
            #expect(code == 1)
            #expect(message.contains("missing_table"))
        }
        connection.close()
        #expect(throws: StoreError.closed) { try connection.execute("SELECT 1") }
    }
}
