import KioskCore

/// Sessions: starting them, looking them up, ending them with a claim code.
extension KioskStore {
    /// Starts a session awarding `badgeIDs` (duplicates dropped, order kept).
    /// Refuses an empty badge list and, with `.notFound("badge <id>")`, a badge not in the catalogue.
    public func createSession(title: String, badgeIDs: [String], expected: Int, at now: Timestamp,
                              completion: @escaping @Sendable (Result<Session, StoreError>) -> Void) {
        var seen = Set<String>()
        let unique = badgeIDs.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else {
            return completion(.failure(.invalid("a session needs at least one badge")))
        }
        guard expected >= 0 else {
            return completion(.failure(.invalid("the expected number of learners cannot be negative")))
        }
        write({ connection in
            let known = try connection.cached("SELECT 1 FROM badges WHERE id = ?")
            for id in unique {
                known.reset()
                try known.bind(id, at: 1)
                guard try known.step() else { throw StoreError.notFound("badge \(id)") }
            }
            let insert = try connection.cached("INSERT INTO sessions (title, expected, created_at) VALUES (?, ?, ?)")
            try insert.bind(title, at: 1)
            try insert.bind(expected, at: 2)
            try insert.bind(now.milliseconds, at: 3)
            try insert.run()
            let id = connection.lastInsertRowID
            let link = try connection.cached("INSERT INTO session_badges (session_id, badge_id, position) VALUES (?, ?, ?)")
            for (position, badgeID) in unique.enumerated() {
                link.reset()
                try link.bind(id, at: 1)
                try link.bind(badgeID, at: 2)
                try link.bind(position, at: 3)
                try link.run()
            }
            return Session(id: id, title: title, badgeIDs: unique, expected: expected, createdAt: now)
        }, completion: completion)
    }

    /// `createSession` that returns once committed.
    public func createSession(title: String, badgeIDs: [String], expected: Int,
                              at now: Timestamp) throws(StoreError) -> Session {
        try waitFor { createSession(title: title, badgeIDs: badgeIDs, expected: expected, at: now, completion: $0) }
    }

    /// Ends the session (keeping the first end time) and answers its claim code.
    ///
    /// A code that has not yet expired is answered again rather than replaced: ending twice must not
    /// invalidate the QR code people are already scanning. Otherwise a new code is made with `policy`.
    public func endSession(id: Int64, policy: CodePolicy, at now: Timestamp,
                           completion: @escaping @Sendable (Result<ClaimCode, StoreError>) -> Void) {
        write({ connection in
            guard var session = try connection.loadSession(id: id) else { throw StoreError.notFound("session \(id)") }
            if session.endedAt == nil {
                let end = try connection.cached("UPDATE sessions SET ended_at = ? WHERE id = ?")
                try end.bind(now.milliseconds, at: 1)
                try end.bind(id, at: 2)
                try end.run()
                session.endedAt = now
            }
            if let current = try connection.newestCode(session: id, kind: .session), now < current.expiresAt {
                return current
            }
            return try connection.insertCode(for: session, kind: .session, policy: policy, maxClaims: nil, at: now)
        }, completion: completion)
    }

    /// `endSession` that returns once committed.
    public func endSession(id: Int64, policy: CodePolicy, at now: Timestamp) throws(StoreError) -> ClaimCode {
        try waitFor { endSession(id: id, policy: policy, at: now, completion: $0) }
    }

    /// The session with its claim count and current code; nil when there is no such session.
    public func session(id: Int64) throws(StoreError) -> SessionSummary? {
        try withReader { connection throws(StoreError) in try Self.summary(id: id, on: connection) }
    }

    /// The newest `limit` sessions, newest first.
    public func sessions(limit: Int) throws(StoreError) -> [SessionSummary] {
        try withReader { connection throws(StoreError) in
            let newest = try connection.cached("SELECT id FROM sessions ORDER BY id DESC LIMIT ?")
            try newest.bind(max(0, limit), at: 1)
            var ids: [Int64] = []
            while try newest.step() {
                ids.append(newest.int64(at: 0))
            }
            var summaries: [SessionSummary] = []
            for id in ids {
                if let summary = try Self.summary(id: id, on: connection) { summaries.append(summary) }
            }
            return summaries
        }
    }

    private static func summary(id: Int64, on connection: Connection) throws(StoreError) -> SessionSummary? {
        guard let session = try connection.loadSession(id: id) else { return nil }
        // One read for both, from the figures kept per session (schema 10) rather than a walk of its
        // claims: the session's claims, and those of them waiting for an email (a claim stands
        // `waiting` exactly while it has no email, from its claim until one is given or it lapses).
        let count = try connection.cached("""
            SELECT TOTAL(n), TOTAL(CASE WHEN standing = 'waiting' THEN n END) FROM session_figures WHERE session_id = ?
            """)
        try count.bind(id, at: 1)
        let found = try count.step()
        return SessionSummary(session: session, claimed: found ? Int(count.double(at: 0)) : 0,
                              waitingForEmail: found ? Int(count.double(at: 1)) : 0,
                              code: try connection.newestCode(session: id, kind: .session))
    }
}
