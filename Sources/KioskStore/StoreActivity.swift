/// How busy the kiosk has been: sessions started and claims made since a moment (the start of
/// today, for status pages), and in all.
public struct StoreActivity: Sendable, Equatable {
    public var sessionsSince: Int
    public var claimsSince: Int
    public var sessions: Int
    public var claims: Int

    public init(sessionsSince: Int, claimsSince: Int, sessions: Int, claims: Int) {
        self.sessionsSince = sessionsSince
        self.claimsSince = claimsSince
        self.sessions = sessions
        self.claims = claims
    }
}
