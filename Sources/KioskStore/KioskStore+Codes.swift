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

    /// Every claim code, oldest first, with its current claim count.
    public func codes() throws(StoreError) -> [ClaimCode] {
        try withReader { connection throws(StoreError) in try connection.allCodes() }
    }
}
