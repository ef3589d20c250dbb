/// A code learners use to claim a session's badges: a long QR token and a short typed form.
public struct ClaimCode: Sendable, Equatable {
    public var id: Int64
    public var sessionID: Int64
    /// At least 128 random bits, URL-safe: what the QR code's URL carries.
    public var token: String
    /// 6 characters (10 on a printed slip) with no look-alikes, stored without dashes (`K7M2QX`);
    /// shown as `K7M-2QX`.
    public var short: String
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    /// How many different learners may claim with it (1 for a printed single-use slip).
    public var maxClaims: Int
    /// How many have claimed so far.
    public var claimed: Int

    public init(id: Int64, sessionID: Int64, token: String, short: String, createdAt: Timestamp,
                expiresAt: Timestamp, maxClaims: Int, claimed: Int = 0) {
        self.id = id
        self.sessionID = sessionID
        self.token = token
        self.short = short
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.maxClaims = maxClaims
        self.claimed = claimed
    }

    /// The short code as a person reads it: `K7M-2QX`.
    public var displayShort: String {
        ShortCode.display(short)
    }
}
