import CSQLite

/// One SQLite connection with its prepared-statement cache.
///
/// Confined to one thread at a time (opened with SQLITE_OPEN_NOMUTEX), so it is deliberately not
/// Sendable: the store hands each connection to exactly one thread, the writer or a reader.
public final class Connection {
    /// Milliseconds a statement waits for another connection's lock before reporting SQLITE_BUSY.
    public static let busyTimeoutMilliseconds: Int32 = 5000

    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    private var isOpen = true

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        close()
    }

    /// Set once, before the first connection initializes SQLite: see `badgekiosk_sqlite3_skip_memory_statistics`.
    private static let configured: Void = { _ = badgekiosk_sqlite3_skip_memory_statistics() }()

    /// Opens the database at `path`, creating it unless `readOnly`, with a busy timeout and foreign keys on.
    public static func open(path: String, readOnly: Bool) throws(StoreError) -> Connection {
        _ = configured
        guard sqlite3_threadsafe() != 0 else {
            throw .cannotOpen(path: path, reason: "the SQLite library was built without thread support")
        }
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        var raw: OpaquePointer?
        let code = sqlite3_open_v2(path, &raw, flags, nil)
        guard code == SQLITE_OK, let raw else {
            let reason = raw.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(raw)
            throw .cannotOpen(path: path, reason: reason)
        }
        let connection = Connection(handle: raw)
        do {
            try connection.check(sqlite3_busy_timeout(raw, busyTimeoutMilliseconds))
            try connection.execute("PRAGMA foreign_keys = ON")
        } catch {
            throw .cannotOpen(path: path, reason: error.description)
        }
        return connection
    }

    /// Runs one or more statements that take no parameters (pragmas, schema, transaction control).
    public func execute(_ sql: String) throws(StoreError) {
        guard isOpen else { throw .closed }
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw .sqlite(code: code, message: text)
        }
    }

    /// A fresh statement owned by the caller, finalized when the caller lets go of it.
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        try makeStatement(sql, flags: 0)
    }

    /// The connection's prepared statement for `sql`, reset with its bindings cleared, ready to bind.
    ///
    /// The statement stays owned by the connection, so do not run the same SQL twice at once.
    public func cached(_ sql: String) throws(StoreError) -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try makeStatement(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
        cache[sql] = statement
        return statement
    }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    public var changes: Int {
        Int(sqlite3_changes(handle))
    }

    /// Rows changed by every INSERT, UPDATE and DELETE since the connection opened.
    var totalChanges: Int64 {
        sqlite3_total_changes64(handle)
    }

    /// True while a transaction is open: SQLite can end one on its own after some errors (disk full, I/O).
    public var inTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// Resets every statement left mid-result, so this connection holds no read snapshot open
    /// (a later read would otherwise see old data) and a COMMIT finds nothing in progress.
    func resetActiveStatements() {
        var next = sqlite3_next_stmt(handle, nil)
        while let statement = next {
            if sqlite3_stmt_busy(statement) != 0 { sqlite3_reset(statement) }
            next = sqlite3_next_stmt(handle, statement)
        }
    }

    /// Finalizes the cached statements and closes; statements a caller still holds keep the handle
    /// alive until they go (sqlite3_close_v2), so closing never fails.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Throws the connection's current error unless `code` is SQLITE_OK.
    func check(_ code: Int32) throws(StoreError) {
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// `code` with the connection's message for it.
    func error(_ code: Int32) -> StoreError {
        .sqlite(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }

    private func makeStatement(_ sql: String, flags: UInt32) throws(StoreError) -> Statement {
        guard isOpen else { throw .closed }
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, flags, &raw, nil)
        guard code == SQLITE_OK else {
            let failure = error(code)
            sqlite3_finalize(raw)
            throw failure
        }
        guard let raw else { throw .sqlite(code: SQLITE_MISUSE, message: "the SQL text holds no statement") }
        return Statement(handle: raw)
    }
}
