import CSQLite

/// A prepared SQLite statement: bind parameters (numbered from 1), step, read columns (numbered from 0).
///
/// Every value is bound, never spliced into SQL, and copied by SQLite on binding (SQLITE_TRANSIENT),
/// so the Swift value may go away at once.
public final class Statement {
    private var handle: OpaquePointer?

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        finalize()
    }

    /// SQLite's "copy this now" destructor; the C macro does not import into Swift.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    private var live: OpaquePointer {
        guard let handle else { preconditionFailure("a statement was used after its connection closed") }
        return handle
    }

    /// Binds `values` to parameters 1, 2, … in order.
    public func bind(_ values: [SQLValue]) throws(StoreError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case let .integer(number): try bind(number, at: index)
            case let .text(text): try bind(text, at: index)
            case let .real(number): try bind(number, at: index)
            case let .blob(bytes): try bind(bytes, at: index)
            case .null: try bindNull(at: index)
            }
        }
    }

    public func bind(_ value: Int64, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_int64(live, index, value))
    }

    public func bind(_ value: Int, at index: Int32) throws(StoreError) {
        try bind(Int64(value), at: index)
    }

    public func bind(_ value: Double, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_double(live, index, value))
    }

    /// Binds the string's exact UTF-8 bytes, so text holding NUL characters round-trips whole.
    public func bind(_ value: String, at index: Int32) throws(StoreError) {
        var text = value
        let code = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(live, index, "", 0, Self.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text(live, index, chars, Int32(bytes.count), Self.transient)
            }
        }
        try check(code)
    }

    /// Binds `value`, or NULL when it is nil.
    public func bind(_ value: String?, at index: Int32) throws(StoreError) {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds `value`, or NULL when it is nil.
    public func bind(_ value: Int64?, at index: Int32) throws(StoreError) {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds `value`, or NULL when it is nil.
    public func bind(_ value: [UInt8]?, at index: Int32) throws(StoreError) {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    public func bind(_ value: [UInt8], at index: Int32) throws(StoreError) {
        let code = value.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_zeroblob(live, index, 0) }
            return sqlite3_bind_blob(live, index, base, Int32(bytes.count), Self.transient)
        }
        try check(code)
    }

    public func bindNull(at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_null(live, index))
    }

    /// Runs the statement to its next row: true when a row is ready to read, false when it is done.
    public func step() throws(StoreError) -> Bool {
        switch sqlite3_step(live) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw failure(code)
        }
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, DELETE) to completion.
    public func run() throws(StoreError) {
        while try step() {}
    }

    public func int64(at column: Int32) -> Int64 {
        sqlite3_column_int64(live, column)
    }

    public func int(at column: Int32) -> Int {
        Int(sqlite3_column_int64(live, column))
    }

    public func double(at column: Int32) -> Double {
        sqlite3_column_double(live, column)
    }

    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(live, column) == SQLITE_NULL
    }

    /// The column as an integer, or nil when it is NULL.
    public func optionalInt64(at column: Int32) -> Int64? {
        isNull(at: column) ? nil : int64(at: column)
    }

    /// The column's text, nil when it is NULL; decoded with its byte length so NUL characters survive.
    public func text(at column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(live, column) else { return nil }
        let count = Int(sqlite3_column_bytes(live, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's bytes, nil when it is NULL (SQLite also answers nil for an empty blob, read as []).
    public func blob(at column: Int32) -> [UInt8]? {
        if isNull(at: column) { return nil }
        let count = Int(sqlite3_column_bytes(live, column))
        guard let bytes = sqlite3_column_blob(live, column), count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Returns the statement to its start and clears its bindings, ending any read it held open.
    public func reset() {
        sqlite3_reset(live)
        sqlite3_clear_bindings(live)
    }

    func finalize() {
        guard let handle else { return }
        sqlite3_finalize(handle)
        self.handle = nil
    }

    private func check(_ code: Int32) throws(StoreError) {
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> StoreError {
        .sqlite(code: code, message: String(cString: sqlite3_errmsg(sqlite3_db_handle(live))))
    }
}
