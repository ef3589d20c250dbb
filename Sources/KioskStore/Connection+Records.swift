import KioskCore

/// Loading and storing the domain's rows, shared by the readers and the writer's jobs.
extension Connection {
    static let codeColumns = "id, session_id, token, short, created_at, expires_at, max_claims, claimed"

    /// The session's badge ids in the order the volunteer chose them.
    func badgeIDs(session id: Int64) throws(StoreError) -> [String] {
        let statement = try cached("SELECT badge_id FROM session_badges WHERE session_id = ? ORDER BY position")
        try statement.bind(id, at: 1)
        var ids: [String] = []
        while try statement.step() {
            ids.append(statement.text(at: 0) ?? "")
        }
        return ids
    }

    func loadSession(id: Int64) throws(StoreError) -> Session? {
        let statement = try cached("SELECT title, expected, created_at, ended_at FROM sessions WHERE id = ?")
        try statement.bind(id, at: 1)
        guard try statement.step() else { return nil }
        let title = statement.text(at: 0) ?? ""
        let expected = statement.int(at: 1)
        let createdAt = Timestamp(milliseconds: statement.int64(at: 2))
        let endedAt = statement.optionalInt64(at: 3).map(Timestamp.init(milliseconds:))
        statement.reset()
        return Session(id: id, title: title, badgeIDs: try badgeIDs(session: id), expected: expected,
                       createdAt: createdAt, endedAt: endedAt)
    }

    /// The session's newest code of `kind`.
    func newestCode(session id: Int64, kind: CodeKind) throws(StoreError) -> ClaimCode? {
        let statement = try cached("""
            SELECT \(Self.codeColumns) FROM claim_codes WHERE session_id = ? AND kind = ? ORDER BY id DESC LIMIT 1
            """)
        try statement.bind(id, at: 1)
        try statement.bind(kind.rawValue, at: 2)
        return try statement.step() ? Self.code(from: statement) : nil
    }

    /// Stores a new code for `session`, drawing again if its token or short code is already taken.
    func insertCode(for session: Session, kind: CodeKind, policy: CodePolicy, maxClaims: Int?,
                    at now: Timestamp) throws(StoreError) -> ClaimCode {
        var generator = SystemRandomNumberGenerator()
        var lastError = StoreError.invalid("no claim code could be made")
        // 31^6 short codes (31^10 for slips) make a clash rare; a few draws make failing all of them
        // practically impossible.
        let shortLength = kind == .slip ? ShortCode.slipLength : ShortCode.sessionLength
        for _ in 0..<8 {
            var code = policy.makeCode(for: session, shortLength: shortLength, at: now, using: &generator)
            if let maxClaims { code.maxClaims = maxClaims }
            let statement = try cached("""
                INSERT INTO claim_codes (session_id, kind, token, short, created_at, expires_at, max_claims)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            try statement.bind(code.sessionID, at: 1)
            try statement.bind(kind.rawValue, at: 2)
            try statement.bind(code.token, at: 3)
            try statement.bind(code.short, at: 4)
            try statement.bind(code.createdAt.milliseconds, at: 5)
            try statement.bind(code.expiresAt.milliseconds, at: 6)
            try statement.bind(code.maxClaims, at: 7)
            do {
                try statement.run()
            } catch where error.isConstraint {
                lastError = error
                continue
            }
            code.id = lastInsertRowID
            return code
        }
        throw lastError
    }

    /// A code from a row selected with `codeColumns`.
    static func code(from row: Statement) -> ClaimCode {
        ClaimCode(id: row.int64(at: 0), sessionID: row.int64(at: 1), token: row.text(at: 2) ?? "",
                  short: row.text(at: 3) ?? "", createdAt: Timestamp(milliseconds: row.int64(at: 4)),
                  expiresAt: Timestamp(milliseconds: row.int64(at: 5)), maxClaims: row.int(at: 6),
                  claimed: row.int(at: 7))
    }
}
