/// How the issuer simulator listens, whom it lets in, what it lists, and how it misbehaves.
public struct SimulatorConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; `start()` returns the one bound.
    public var port = 8090
    /// OBF client id and Badgr client id (or user name for the password grant).
    public var clientID = "demo"
    public var clientSecret = "demo-secret"
    /// The Navigatr provider whose badges `GET /v1/badge/?provider_id=` lists (the kiosk's
    /// `issuer_client_id` for Navigatr). Navigatr's access token is `clientSecret`.
    public var navigatrProviderID = 77
    public var catalogue = SimulatedBadge.demoCatalogue
    public var faults = FaultSpec.none
    /// Fixes the fault draws, for tests; nil draws from the system's generator.
    public var seed: UInt64?
    /// `expires_in` of token answers, in seconds.
    public var tokenLifetime: Double = 3600
    /// `Retry-After` on injected 429s, in seconds.
    public var retryAfterSeconds = 2
    /// How long a `timeout` fault holds its connection before dropping it, in seconds.
    public var holdSeconds: Double = 120
    /// Seconds the simulator's clock is ahead of this machine's (negative: behind), as a real issuer's
    /// may be: its `Date` header shows it, and issue times later than it are refused.
    public var clockOffset: Double = 0
    /// How late a `slow` fault answers, in seconds.
    public var slowSeconds: Double = 1
    /// Gets one line per request (method, path, status, fault), never tokens or bodies.
    public var log: (@Sendable (String) -> Void)?

    public init() {}
}
