/// Migrations that rebuild a table, following SQLite's documented procedure for schema changes
/// ALTER TABLE cannot make (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
/// Schema Changes"): new table, copy, drop, rename, then every index, trigger and view made again.
extension Migrations {
    /// The awards table's state check as versions 1, 5 and 6 made it.
    static let stateCheckV1 = "CHECK (state IN ('queued', 'sending', 'sent', 'failed'))"
    static let stateCheckV5 = "CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unsure'))"
    static let stateCheckV6 = "CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unsure', 'waiting', 'lapsed'))"

    /// Version 5: an award may be `unsure` (an ambiguous failure at an issuer that cannot be asked
    /// whether it made the award; staff decide).
    static func allowUnsureAwards(_ connection: Connection) throws(StoreError) {
        try rebuildAwards(connection, replacing: stateCheckV1, with: stateCheckV5)
    }

    /// Version 6: an award may be `waiting` for its learner's email, or `lapsed` when none came.
    static func allowWaitingAwards(_ connection: Connection) throws(StoreError) {
        try rebuildAwards(connection, replacing: stateCheckV5, with: stateCheckV6)
    }

    /// SQLite cannot change a CHECK in place, so the awards table is rebuilt. Its new definition is
    /// the stored one with only `before` (its state check) made `after`, so every column an earlier
    /// migration added, and every row, comes across as it was; indexes, triggers and views are made
    /// again from their stored definitions.
    static func rebuildAwards(_ connection: Connection, replacing before: String, with after: String) throws(StoreError) {
        // Step 3: remember the table, its indexes and triggers, and every view (a view naming a
        // dropped table would stop the rename below).
        var table: String?
        var dependents: [String] = []
        var views: [(name: String, sql: String)] = []
        let schema = try connection.prepare("""
            SELECT type, name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND (tbl_name = 'awards' OR type = 'view') ORDER BY rowid
            """)
        while try schema.step() {
            guard let sql = schema.text(at: 2) else { continue }
            switch schema.text(at: 0) {
            case "table": table = sql
            case "view": views.append((schema.text(at: 1) ?? "", sql))
            default: dependents.append(sql)
            }
        }
        schema.reset()
        // A table an earlier rebuild renamed is stored as `CREATE TABLE "awards" (…`.
        let prefixes = ["CREATE TABLE awards", "CREATE TABLE \"awards\""]
        guard let table, let prefix = prefixes.first(where: table.hasPrefix), let check = table.range(of: before) else {
            throw .invalid("the awards table does not have the expected state check")
        }
        // Step 4: the new table, as stored but for the state check.
        let widened = table.replacingCharacters(in: check, with: after)
        try connection.execute("CREATE TABLE awards_rebuilt" + widened.dropFirst(prefix.count))
        // Steps 5 to 7: copy every row (same columns, same order), drop the old table, take its name.
        for view in views { try connection.execute("DROP VIEW \(quoted(view.name))") }
        try connection.execute("INSERT INTO awards_rebuilt SELECT * FROM awards")
        try connection.execute("DROP TABLE awards")
        try connection.execute("ALTER TABLE awards_rebuilt RENAME TO awards")
        // Steps 8 and 9: indexes, triggers and views as they were.
        for sql in dependents + views.map(\.sql) { try connection.execute(sql) }
    }

    /// `PRAGMA foreign_keys` as it stands.
    static func foreignKeysEnabled(_ connection: Connection) throws(StoreError) -> Bool {
        let pragma = try connection.prepare("PRAGMA foreign_keys")
        return try pragma.step() && pragma.int(at: 0) == 1
    }

    /// Step 10: fails if any row now points at nothing.
    static func checkForeignKeys(_ connection: Connection) throws(StoreError) {
        let check = try connection.prepare("PRAGMA foreign_key_check")
        if try check.step() {
            throw .invalid("a rebuilt table has rows that refer to missing \(check.text(at: 2) ?? "rows")")
        }
    }

    /// `name` as an SQL identifier.
    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
