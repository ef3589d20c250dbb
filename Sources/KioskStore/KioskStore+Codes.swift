import KioskCore

/// Claim codes beyond a session's QR code: printed single-use slips, and the full list for matching.
extension KioskStore {
    /// The most slips one request may make; a session is a room of people, not a print run.
    public static let maxSlipsPerRequest = 500

    /// Makes `count` single-use codes (a claim limit of 1) for the session's printed slips.
    public func makeSlipCodes(sessionID: Int64, count: Int, policy: CodePolicy, at now: Timestamp,
                              completion: @escaping @Sendable (Result<[ClaimCode], StoreError>) -> Void) {
        guard (1...Self.maxSlipsPerRequest).contains(count) else {
            return completion(.failure(.invalid("slips are made 1 to \(Self.maxSlipsPerRequest) at a time")))
        }
        write({ connection in
            guard let session = try connection.loadSession(id: sessionID) else {
                throw StoreError.notFound("session \(sessionID)")
            }
            var codes: [ClaimCode] = []
            codes.reserveCapacity(count)
            for _ in 0..<count {
                codes.append(try connection.insertCode(for: session, kind: .slip, policy: policy, maxClaims: 1, at: now))
            }
            return codes
        }, completion: completion)
    }

    /// `makeSlipCodes` that returns once committed.
    public func makeSlipCodes(sessionID: Int64, count: Int, policy: CodePolicy,
                              at now: Timestamp) throws(StoreError) -> [ClaimCode] {
        try waitFor { makeSlipCodes(sessionID: sessionID, count: count, policy: policy, at: now, completion: $0) }
    }

    /// Every code not yet expired at `now`, oldest first.
    public func openCodes(at now: Timestamp) throws(StoreError) -> [ClaimCode] {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached("SELECT \(Connection.codeColumns) FROM claim_codes WHERE expires_at > ? ORDER BY id")
            defer { statement.reset() }
            try statement.bind(now.milliseconds, at: 1)
            var codes: [ClaimCode] = []
            while try statement.step() { codes.append(Connection.code(from: statement)) }
            return codes
        }
    }

    /// The code with this QR token, found on its unique index; nil when none has it.
    public func code(token: String) throws(StoreError) -> ClaimCode? {
        try code(where: "token", is: token)
    }

    /// The code with this short code (in `ShortCode.normalize`'s form), found on its unique index.
    public func code(short: String) throws(StoreError) -> ClaimCode? {
        try code(where: "short", is: short)
    }

    private func code(where column: StaticString, is value: String) throws(StoreError) -> ClaimCode? {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached("SELECT \(Connection.codeColumns) FROM claim_codes WHERE \(column) = ?")
            defer { statement.reset() }
            try statement.bind(value, at: 1)
            return try statement.step() ? Connection.code(from: statement) : nil
        }
    }

    /// One claim code with its current claim count; nil when there is no such code.
    public func code(id: Int64) throws(StoreError) -> ClaimCode? {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached("SELECT \(Connection.codeColumns) FROM claim_codes WHERE id = ?")
            defer { statement.reset() }
            try statement.bind(id, at: 1)
            return try statement.step() ? Connection.code(from: statement) : nil
        }
    }

    /// Sets how many learners the session's QR code admits in all, e.g. when more people came than
    /// expected. Refuses a limit below one with `.invalid`, and no such session with `.notFound`.
    public func setClaimLimit(sessionID: Int64, maxClaims: Int,
                              completion: @escaping @Sendable (Result<ClaimLimitChange, StoreError>) -> Void) {
        guard maxClaims >= 1 else { return completion(.failure(.invalid("a code admits at least one learner"))) }
        write({ connection in
            guard try connection.loadSession(id: sessionID) != nil else { throw StoreError.notFound("session \(sessionID)") }
            guard var code = try connection.newestCode(session: sessionID, kind: .session) else { return .noCode }
            guard maxClaims >= code.claimed else { return .belowClaimed(code.claimed) }
            let update = try connection.cached("UPDATE claim_codes SET max_claims = ? WHERE id = ?")
            try update.bind(maxClaims, at: 1)
            try update.bind(code.id, at: 2)
            try update.run()
            code.maxClaims = maxClaims
            return .changed(code)
        }, completion: completion)
    }

    /// `setClaimLimit` that returns once committed.
    public func setClaimLimit(sessionID: Int64, maxClaims: Int) throws(StoreError) -> ClaimLimitChange {
        try waitFor { setClaimLimit(sessionID: sessionID, maxClaims: maxClaims, completion: $0) }
    }
}
