import KioskCore

/// The schema's numbered steps, applied in order when the store opens, each in its own transaction.
///
/// Applied versions are recorded in `schema_migrations`, so re-opening applies nothing and a database
/// written by a newer badgekiosk is refused rather than misread.
public enum Migrations {
    struct Migration: Sendable {
        let version: Int
        let sql: String
        /// Runs after `sql`, in the same transaction, for steps plain SQL cannot express.
        var body: (@Sendable (Connection) throws(StoreError) -> Void)?
        /// The step rebuilds a table (SQLite's 12-step ALTER): foreign key enforcement is off while it
        /// runs, since it cannot be switched inside a transaction, and every reference is checked before it commits.
        var rebuildsTables = false

        init(version: Int, sql: String, body: (@Sendable (Connection) throws(StoreError) -> Void)? = nil,
             rebuildsTables: Bool = false) {
            self.version = version
            self.sql = sql
            self.body = body
            self.rebuildsTables = rebuildsTables
        }
    }

    static let all: [Migration] = [
        Migration(version: 1, sql: schemaV1), Migration(version: 2, sql: schemaV2), Migration(version: 3, sql: schemaV3),
        Migration(version: 4, sql: schemaV4, body: keyClaimers),
        Migration(version: 5, sql: "", body: allowUnsureAwards, rebuildsTables: true),
        Migration(version: 6, sql: schemaV6, body: allowWaitingAwards, rebuildsTables: true),
        Migration(version: 7, sql: schemaV7), Migration(version: 8, sql: schemaV8), Migration(version: 9, sql: schemaV9),
        Migration(version: 10, sql: schemaV10, body: standClaims),
    ]

    /// The newest schema version this build understands.
    public static var latestVersion: Int { all[all.count - 1].version }

    /// Brings the database behind `connection` up to `target` (tests stop early to make an older database).
    static func migrate(_ connection: Connection, at now: Timestamp, upTo target: Int = latestVersion) throws(StoreError) {
        do {
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    applied_at INTEGER NOT NULL
                )
                """)
        } catch {
            throw .migrationFailed(version: 0, reason: error.description)
        }
        let found = try appliedVersions(connection)
        let newest = found.max() ?? 0
        guard newest <= latestVersion else { throw .newerSchema(found: newest, supported: latestVersion) }
        // Every step not yet recorded, not only those above the newest: a database made by a build that
        // had a later step but not an earlier one still gets the earlier one.
        for migration in all where !found.contains(migration.version) && migration.version <= target {
            try apply(migration, on: connection, at: now)
        }
    }

    /// The highest version recorded as applied, 0 for a new database.
    static func appliedVersion(_ connection: Connection) throws(StoreError) -> Int {
        try appliedVersions(connection).max() ?? 0
    }

    /// Every version recorded as applied.
    static func appliedVersions(_ connection: Connection) throws(StoreError) -> Set<Int> {
        let statement = try connection.cached("SELECT version FROM schema_migrations")
        defer { statement.reset() }
        var versions: Set<Int> = []
        while try statement.step() { versions.insert(statement.int(at: 0)) }
        return versions
    }

    private static func apply(_ migration: Migration, on connection: Connection, at now: Timestamp) throws(StoreError) {
        var foreignKeysWereOn = false
        if migration.rebuildsTables { foreignKeysWereOn = try foreignKeysEnabled(connection) }
        if foreignKeysWereOn { try connection.execute("PRAGMA foreign_keys = OFF") }
        defer { if foreignKeysWereOn { try? connection.execute("PRAGMA foreign_keys = ON") } }
        do throws(StoreError) {
            try connection.execute("BEGIN IMMEDIATE")
            // Another process may have applied it between our look and taking the write lock.
            let recorded = try appliedVersions(connection)
            let current = recorded.max() ?? 0
            guard !recorded.contains(migration.version) else {
                try connection.execute("ROLLBACK")
                guard current <= latestVersion else { throw StoreError.newerSchema(found: current, supported: latestVersion) }
                return
            }
            if !migration.sql.isEmpty { try connection.execute(migration.sql) }
            try migration.body?(connection)
            if foreignKeysWereOn { try checkForeignKeys(connection) }
            let record = try connection.cached("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)")
            try record.bind(Int64(migration.version), at: 1)
            try record.bind(now.milliseconds, at: 2)
            try record.run()
            try connection.execute("COMMIT")
        } catch {
            if connection.inTransaction { try? connection.execute("ROLLBACK") }
            if case .newerSchema = error { throw error }
            throw .migrationFailed(version: migration.version, reason: error.description)
        }
    }

    /// Version 1: the catalogue, sessions, claim codes, claims and the awards outbox.
    ///
    /// Times are milliseconds since the Unix epoch. Claim names and emails may be NULL because the
    /// retention purge erases them once the issuer has the award, while the counts stay for reports.
    /// `claim_codes.kind` tells a session's QR code from printed single-use slips of the same session.
    static let schemaV1 = """
        CREATE TABLE badges (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            expected INTEGER NOT NULL CHECK (expected >= 0),
            created_at INTEGER NOT NULL,
            ended_at INTEGER
        );
        CREATE TABLE session_badges (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            badge_id TEXT NOT NULL REFERENCES badges(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (session_id, badge_id)
        );
        CREATE TABLE claim_codes (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            kind TEXT NOT NULL CHECK (kind IN ('session', 'slip')),
            token TEXT NOT NULL UNIQUE,
            short TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            max_claims INTEGER NOT NULL CHECK (max_claims >= 1),
            claimed INTEGER NOT NULL DEFAULT 0 CHECK (claimed BETWEEN 0 AND max_claims)
        );
        CREATE INDEX claim_codes_by_session ON claim_codes (session_id, kind, id);
        CREATE TABLE claims (
            id TEXT PRIMARY KEY NOT NULL,
            code_id INTEGER NOT NULL REFERENCES claim_codes(id),
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            name TEXT,
            email TEXT,
            created_at INTEGER NOT NULL,
            UNIQUE (code_id, email)
        );
        CREATE INDEX claims_by_session ON claims (session_id);
        CREATE TABLE awards (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            badge_id TEXT NOT NULL REFERENCES badges(id),
            state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            last_error TEXT,
            issuer_ref TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX awards_outbox ON awards (state, next_attempt_at);
        CREATE INDEX awards_by_claim ON awards (claim_id);
        CREATE INDEX awards_errors ON awards (updated_at) WHERE last_error IS NOT NULL;
        """

    /// Version 2: forwarding. `verify` marks an award whose last attempt ended ambiguously (a timeout,
    /// a dropped connection, a 5xx, a crash while `sending`): the forwarder asks the issuer whether it
    /// already holds the award before sending it again, so the learner never gets it twice.
    static let schemaV2 = """
        ALTER TABLE awards ADD COLUMN verify INTEGER NOT NULL DEFAULT 0 CHECK (verify IN (0, 1));
        """

    /// Version 3: programmes (docs/ARCHITECTURE.md §4.6). A programme lists the badges a learner must all
    /// hold, in the admin's order, and the badge claimed for them once they do. The email index
    /// lets the claim path find what a learner already holds without reading every claim.
    static let schemaV3 = """
        CREATE TABLE programmes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            completion_badge_id TEXT NOT NULL REFERENCES badges(id),
            created_at INTEGER NOT NULL
        );
        CREATE TABLE programme_badges (
            programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            badge_id TEXT NOT NULL REFERENCES badges(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (programme_id, badge_id)
        );
        CREATE INDEX claims_by_email ON claims (email) WHERE email IS NOT NULL;
        """

    /// Version 4: exactly once past the retention purge. `kiosk_state` keeps values of the kiosk's
    /// own: the secret key of `ClaimerKey`, and when the store last checked that its disk takes
    /// writes (`KioskStore.checkStorage`). `claims.claimer_key` keeps each claim's keyed hash
    /// of its code and email, which the purge leaves in place, so a repeat is still recognised (and
    /// answered as the same claim) once the email itself is gone. The unique index makes a second
    /// claim by one learner with one code impossible even then. Claims purged before this version
    /// have no hash and cannot be recognised any more.
    static let schemaV4 = """
        CREATE TABLE kiosk_state (
            name TEXT PRIMARY KEY NOT NULL,
            value NOT NULL
        );
        ALTER TABLE claims ADD COLUMN claimer_key BLOB;
        CREATE UNIQUE INDEX claims_by_claimer ON claims (code_id, claimer_key) WHERE claimer_key IS NOT NULL;
        """

    /// Version 6: claims by learners with no email yet. Such a claim has no email and no claimer key;
    /// its awards are `waiting` (never picked by the forwarder) until an email is added with its
    /// `email_later` code, which then goes; `lapsed` when the retention purge found it still waiting.
    static let schemaV6 = """
        CREATE TABLE email_later (
            claim_id TEXT PRIMARY KEY NOT NULL REFERENCES claims(id),
            code TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        );
        """

    /// Version 7: acceptance. What the issuer last said about a sent award: `pending` (the learner has
    /// not accepted it yet) or `accepted` (at `accepted_at`); NULL while it has said nothing, as an
    /// issuer that cannot tell (Badgr) never does. `acceptance_checked_at` paces the asking.
    static let schemaV7 = """
        ALTER TABLE awards ADD COLUMN acceptance TEXT CHECK (acceptance IN ('pending', 'accepted'));
        ALTER TABLE awards ADD COLUMN accepted_at INTEGER;
        ALTER TABLE awards ADD COLUMN acceptance_checked_at INTEGER;
        """

    /// Version 8: the acceptance checks' index. Only sent awards not yet accepted are in it, by send
    /// time, so the due query (`KioskStore.acceptanceDueSQL`) reads the window's awards in order and
    /// nothing else; accepted awards and those still in the outbox never enter it. `state` leads, though
    /// it is one value here, so the planner sees this index serve both the state and the time terms and
    /// prefers it to the outbox's `(state, next_attempt_at)`.
    static let schemaV8 = """
        CREATE INDEX awards_acceptance_due ON awards (state, updated_at) WHERE state = 'sent' AND acceptance IS NOT 'accepted';
        """

    /// The name of the `ClaimerKey` secret in `kiosk_state`.
    static let claimerSecretName = "claimer_key"

    /// Makes the kiosk's secret key and hashes every claim whose email is still kept.
    private static func keyClaimers(_ connection: Connection) throws(StoreError) {
        var generator = SystemRandomNumberGenerator()
        let secret = ClaimerKey.newSecret(using: &generator)
        let insert = try connection.prepare("INSERT INTO kiosk_state (name, value) VALUES (?, ?)")
        try insert.bind(claimerSecretName, at: 1)
        try insert.bind(secret, at: 2)
        try insert.run()
        let kept = try connection.prepare("SELECT rowid, code_id, email FROM claims WHERE email IS NOT NULL")
        var rows: [(rowID: Int64, key: [UInt8])] = []
        while try kept.step() {
            rows.append((kept.int64(at: 0),
                         ClaimerKey.make(secret: secret, codeID: kept.int64(at: 1), email: kept.text(at: 2) ?? "")))
        }
        let update = try connection.prepare("UPDATE claims SET claimer_key = ? WHERE rowid = ?")
        for row in rows {
            update.reset()
            try update.bind(row.key, at: 1)
            try update.bind(row.rowID, at: 2)
            try update.run()
        }
    }

    /// The kiosk's `ClaimerKey` secret, made by version 4.
    static func claimerSecret(_ connection: Connection) throws(StoreError) -> [UInt8] {
        let statement = try connection.prepare("SELECT value FROM kiosk_state WHERE name = ?")
        try statement.bind(claimerSecretName, at: 1)
        guard try statement.step(), let secret = statement.blob(at: 0), secret.count == ClaimerKey.secretLength else {
            throw .invalid("the database has lost its claimer key, so repeated claims could not be recognised")
        }
        return secret
    }
}
