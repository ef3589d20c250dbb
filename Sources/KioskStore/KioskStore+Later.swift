import KioskCore

/// Claims by learners with no email yet: they wait, not forwarded, until one is added.
extension KioskStore {
    /// Adds `email` to the claim waiting under `laterCode`, in one write job; `completion` runs once durable.
    ///
    /// The claim takes the email and its `ClaimerKey`, its awards are queued, and the completion of
    /// any programme the email now finishes joins them. Where the learner had claimed with the same
    /// code and email already, the waiting claim is folded into that one instead, so nothing is doubled.
    public func addEmail(_ email: String, laterCode: String, at now: Timestamp,
                         completion: @escaping @Sendable (Result<LaterOutcome, StoreError>) -> Void) {
        let secret = claimerSecret
        write({ connection in try Self.addEmail(email, laterCode: laterCode, secret: secret, at: now, on: connection) },
              completion: completion)
    }

    /// `addEmail` that returns once committed.
    public func addEmail(_ email: String, laterCode: String, at now: Timestamp) throws(StoreError) -> LaterOutcome {
        try waitFor { addEmail(email, laterCode: laterCode, at: now, completion: $0) }
    }

    /// The claim waiting under `laterCode`, or nil.
    public func waitingClaim(laterCode: String) throws(StoreError) -> WaitingClaim? {
        try waiting(Self.waitingSelect + " WHERE l.code = ?1", .text(laterCode)).first
    }

    /// Claims waiting for an email, the newest first, at most `limit`.
    public func waitingClaims(limit: Int = 50) throws(StoreError) -> [WaitingClaim] {
        try waiting(Self.waitingSelect + " ORDER BY l.created_at DESC, c.rowid DESC LIMIT ?1", .integer(Int64(limit)))
    }

    private static let waitingSelect = """
        SELECT c.id, c.name, c.session_id, s.title, c.created_at, l.code
        FROM email_later l JOIN claims c ON c.id = l.claim_id JOIN sessions s ON s.id = c.session_id
        """

    /// The rows of `sql`, a `waitingSelect` with one parameter, `value`.
    private func waiting(_ sql: String, _ value: SQLValue) throws(StoreError) -> [WaitingClaim] {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached(sql)
            defer { statement.reset() }
            try statement.bind([value])
            var claims: [WaitingClaim] = []
            while try statement.step() {
                claims.append(WaitingClaim(claimID: statement.text(at: 0) ?? "", name: statement.text(at: 1) ?? "",
                                           sessionID: statement.int64(at: 2), sessionTitle: statement.text(at: 3) ?? "",
                                           createdAt: Timestamp(milliseconds: statement.int64(at: 4)),
                                           laterCode: statement.text(at: 5) ?? ""))
            }
            return claims
        }
    }

    private static func addEmail(_ email: String, laterCode: String, secret: [UInt8], at now: Timestamp,
                                 on connection: Connection) throws(StoreError) -> LaterOutcome {
        let find = try connection.cached("""
            SELECT c.id, c.code_id, c.session_id, c.name, c.created_at
            FROM email_later l JOIN claims c ON c.id = l.claim_id WHERE l.code = ?
            """)
        try find.bind(laterCode, at: 1)
        guard try find.step() else {
            find.reset()
            return .unknownCode
        }
        let claimID = find.text(at: 0) ?? "", codeID = find.int64(at: 1), sessionID = find.int64(at: 2)
        let name = find.text(at: 3) ?? "", createdAt = Timestamp(milliseconds: find.int64(at: 4))
        find.reset()
        let badgeIDs = try connection.badgeIDs(session: sessionID)
        try connection.run("DELETE FROM email_later WHERE claim_id = ?", .text(claimID))

        let key = ClaimerKey.make(secret: secret, codeID: codeID, email: email)
        if let earlier = try connection.claim(codeID: codeID, claimerKey: key) {
            try connection.run("DELETE FROM awards WHERE claim_id = ?", .text(claimID))
            try connection.run("DELETE FROM claims WHERE id = ?", .text(claimID))
            try connection.run("UPDATE claim_codes SET claimed = claimed - 1 WHERE id = ? AND claimed > 0", .integer(codeID))
            return .alreadyClaimed(Claim(id: earlier.id, codeID: codeID, sessionID: sessionID, name: name, email: email,
                                         badgeIDs: badgeIDs, createdAt: earlier.createdAt),
                                   state: try connection.overallState(claimID: earlier.id))
        }
        let claim = try connection.cached("UPDATE claims SET email = ?, claimer_key = ? WHERE id = ?")
        try claim.bind(email, at: 1)
        try claim.bind(key, at: 2)
        try claim.bind(claimID, at: 3)
        try claim.run()
        let queue = try connection.cached("""
            UPDATE awards SET state = 'queued', next_attempt_at = ?1, updated_at = ?1 WHERE claim_id = ?2 AND state = 'waiting'
            """)
        try queue.bind(now.milliseconds, at: 1)
        try queue.bind(claimID, at: 2)
        try queue.run()
        let completions = try connection.programmeCompletions(email: email)
        try connection.insertAwards(completions, claimID: claimID, waiting: false, at: now)
        return .added(Claim(id: claimID, codeID: codeID, sessionID: sessionID, name: name, email: email,
                            badgeIDs: badgeIDs + completions, createdAt: createdAt))
    }
}
