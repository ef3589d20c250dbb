/// How long a session's claim code lasts and how many learners it admits.
public struct CodePolicy: Sendable, Equatable {
    /// Seconds a code stays valid after the session ends (72 hours; docs/ARCHITECTURE.md §4.4).
    public var lifetimeSeconds: Int64
    /// Extra room over the expected number, for walk-ins: 0.2 is expected + 20%.
    public var headroom: Double

    public init(lifetimeSeconds: Int64 = 72 * 3600, headroom: Double = 0.2) {
        self.lifetimeSeconds = lifetimeSeconds
        self.headroom = headroom
    }

    /// The most learners staff can let use one code: a conference hall, not a print run.
    public static let largestClaimLimit = 10_000

    /// The claim limit for a session expecting `expected` learners: always at least one more than expected.
    public func maxClaims(expected: Int) -> Int {
        let withRoom = Int((Double(expected) * (1 + headroom)).rounded(.up))
        return max(withRoom, expected + 1)
    }

    /// A fresh code for `session`, ended at `now`, with a short code of `shortLength` characters
    /// (`ShortCode.slipLength` for a printed single-use slip).
    public func makeCode<R: RandomNumberGenerator>(for session: Session, shortLength: Int = ShortCode.sessionLength,
                                                   at now: Timestamp, using generator: inout R) -> ClaimCode {
        ClaimCode(id: 0, sessionID: session.id,
                  token: RandomToken.claimToken(using: &generator),
                  short: ShortCode.generate(length: shortLength, using: &generator),
                  createdAt: now, expiresAt: now.adding(seconds: lifetimeSeconds),
                  maxClaims: maxClaims(expected: session.expected))
    }
}
