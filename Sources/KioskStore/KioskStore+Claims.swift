import KioskCore

/// Claims: the hot path (docs/ARCHITECTURE.md §4.1), and listing a session's claims.
extension KioskStore {
    /// Decides and stores a claim in one write job; `completion` runs once it is durable.
    ///
    /// The code row is read fresh inside the job, so the claim limit holds exactly however many
    /// claims race for the last places. A new claim queues one award per badge of its session, and
    /// one per programme the learner completes with it.
    /// A repeat (the same code and email) is recognised by its `ClaimerKey` hash, which the retention
    /// purge keeps, so it is answered as the same claim and queues nothing, before and after the purge.
    /// The answer carries the name and email just submitted, never stored ones.
    /// A learner with no email yet makes a waiting claim (see `addEmail`): with nothing to know them
    /// by, each such claim is a new one.
    public func submitClaim(_ submission: ClaimSubmission,
                            completion: @escaping @Sendable (Result<ClaimOutcome, StoreError>) -> Void) {
        // Hashed on the caller's thread, so the writer's lock is not held for it.
        let claimerKey = submission.claimant.hasEmail
            ? ClaimerKey.make(secret: claimerSecret, codeID: submission.codeID, email: submission.claimant.email)
            : nil
        write({ connection in try Self.apply(submission, claimerKey: claimerKey, on: connection) }, completion: completion)
    }

    /// `submitClaim` that returns once committed.
    public func submitClaim(_ submission: ClaimSubmission) throws(StoreError) -> ClaimOutcome {
        try waitFor { submitClaim(submission, completion: $0) }
    }

    /// Every claim of the session, in the order they were made.
    public func claims(sessionID: Int64) throws(StoreError) -> [Claim] {
        try withReader { connection throws(StoreError) in
            let badgeIDs = try connection.badgeIDs(session: sessionID)
            let statement = try connection.cached("""
                SELECT id, code_id, name, email, created_at FROM claims WHERE session_id = ? ORDER BY rowid
                """)
            try statement.bind(sessionID, at: 1)
            var claims: [Claim] = []
            while try statement.step() {
                claims.append(Claim(id: statement.text(at: 0) ?? "", codeID: statement.int64(at: 1),
                                    sessionID: sessionID, name: statement.text(at: 2) ?? "",
                                    email: statement.text(at: 3) ?? "", badgeIDs: badgeIDs,
                                    createdAt: Timestamp(milliseconds: statement.int64(at: 4))))
            }
            return claims
        }
    }

    private static func apply(_ submission: ClaimSubmission, claimerKey: [UInt8]?,
                              on connection: Connection) throws(StoreError) -> ClaimOutcome {
        let codeRow = try connection.cached("""
            SELECT session_id, expires_at, max_claims, claimed FROM claim_codes WHERE id = ?
            """)
        try codeRow.bind(submission.codeID, at: 1)
        guard try codeRow.step() else { return .unknownCode }
        // The rules never look at the token or short code, so they are not read (or copied) here.
        let code = ClaimCode(id: submission.codeID, sessionID: codeRow.int64(at: 0), token: "", short: "",
                             createdAt: submission.at, expiresAt: Timestamp(milliseconds: codeRow.int64(at: 1)),
                             maxClaims: codeRow.int(at: 2), claimed: codeRow.int(at: 3))
        codeRow.reset()

        let existing = try claimerKey.flatMap { (key) throws(StoreError) in
            try connection.claim(codeID: submission.codeID, claimerKey: key)
        }

        switch ClaimRules.decide(code: code, existingClaimID: existing?.id, now: submission.at,
                                 mayCreate: submission.mayCreate) {
        case .expired:
            return .expired
        case .usedUp:
            return .usedUp
        case .tooManyFromAddress:
            return .tooManyFromAddress
        case let .repeatOf(claimID):
            // Where all its awards stand, but only the session's badges named: a programme completion
            // the claim earned would tell of the learner's other claims.
            return .repeated(Claim(id: claimID, codeID: code.id, sessionID: code.sessionID,
                                   name: submission.claimant.name, email: submission.claimant.email,
                                   badgeIDs: try connection.badgeIDs(session: code.sessionID),
                                   createdAt: existing?.createdAt ?? submission.at),
                             state: try connection.overallState(claimID: claimID))
        case .accept:
            return .created(try insert(submission, code: code, claimerKey: claimerKey, on: connection))
        }
    }

    private static func insert(_ submission: ClaimSubmission, code: ClaimCode, claimerKey: [UInt8]?,
                               on connection: Connection) throws(StoreError) -> Claim {
        let now = submission.at.milliseconds
        let claim = try connection.cached("""
            INSERT INTO claims (id, code_id, session_id, name, email, created_at, claimer_key, standing)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try claim.bind(submission.newClaimID, at: 1)
        try claim.bind(code.id, at: 2)
        try claim.bind(code.sessionID, at: 3)
        try claim.bind(submission.claimant.name, at: 4)
        try claim.bind(submission.claimant.hasEmail ? submission.claimant.email : nil, at: 5)
        try claim.bind(now, at: 6)
        try claim.bind(claimerKey, at: 7)
        let laterCode = submission.claimant.hasEmail ? nil : submission.laterCode
        // Where its awards, all queued or all waiting, will leave it: counted for the reports in this
        // one write (schema 10), with no second look at the claim on the claim path.
        try claim.bind(laterCode == nil ? "onTheWay" : "waiting", at: 8)
        try claim.run()
        if let laterCode {
            let later = try connection.cached("INSERT INTO email_later (claim_id, code, created_at) VALUES (?, ?, ?)")
            try later.bind(submission.newClaimID, at: 1)
            try later.bind(laterCode, at: 2)
            try later.bind(now, at: 3)
            try later.run()
        }

        let count = try connection.cached("UPDATE claim_codes SET claimed = claimed + 1 WHERE id = ?")
        try count.bind(code.id, at: 1)
        try count.run()

        let badgeIDs = try connection.badgeIDs(session: code.sessionID)
        try connection.insertAwards(badgeIDs, claimID: submission.newClaimID, waiting: laterCode != nil, at: submission.at)
        // Completions are looked for once the session's own awards are in, so this claim's badges count;
        // they join the same claim, so the outbox forwards them like any award. A waiting claim has
        // no email to look by: its completions are found when one is added.
        var completions: [String] = []
        if laterCode == nil {
            completions = try connection.programmeCompletions(email: submission.claimant.email)
            try connection.insertAwards(completions, claimID: submission.newClaimID, waiting: false, at: submission.at)
        }
        return Claim(id: submission.newClaimID, codeID: code.id, sessionID: code.sessionID,
                     name: submission.claimant.name, email: submission.claimant.email,
                     badgeIDs: badgeIDs + completions, createdAt: submission.at, laterCode: laterCode)
    }
}
