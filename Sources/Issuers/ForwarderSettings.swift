/// How hard and how patiently the forwarder works.
public struct ForwarderSettings: Sendable {
    /// Awards sent at once (worker threads).
    public var concurrency: Int
    /// Waits between attempts of one award; the cap is 5 minutes in service, seconds in tests.
    public var backoff: Backoff
    /// The longest Retry-After honoured as given, in seconds.
    public var maxRetryAfter: Double
    /// Names and emails are erased this many days after the issuer confirmed every award of a claim;
    /// nil keeps them.
    public var retentionDays: Int?
    /// Seconds between retention purges.
    public var purgeInterval: Double
    /// Seconds a shutdown waits for requests in flight before abandoning them; well inside the
    /// unit's `TimeoutStopSec`, beside the HTTP server's own grace.
    public var stopGrace: Double
    /// Seconds the awards a previous run left being sent wait, after a start, before they are looked
    /// up, as does an award whose attempt got no answer at all: one issuer request timeout. A request that run had in flight may still be on its way or
    /// in the issuer's hands; a look-up sooner than the old run would have waited for its answer
    /// could miss an award the issuer is about to make, and send it a second time.
    public var recoveryDelay: Double

    public init(concurrency: Int = 4, backoff: Backoff = Backoff(), maxRetryAfter: Double = 3600,
                retentionDays: Int? = 30, purgeInterval: Double = 86_400, stopGrace: Double = 3, recoveryDelay: Double = 0) {
        self.concurrency = max(1, concurrency)
        self.backoff = backoff
        self.maxRetryAfter = maxRetryAfter
        self.retentionDays = retentionDays
        self.purgeInterval = purgeInterval
        self.stopGrace = stopGrace
        self.recoveryDelay = recoveryDelay
    }

    /// Awards taken from the store in one write: enough that the workers never wait for a commit.
    var batchSize: Int { max(32, concurrency * 16) }
    /// The coordinator tops the buffer up when it falls below this.
    var lowWater: Int { batchSize / 2 }
}
