import KioskStore

/// How gently acceptance checks ask the issuer (docs/ARCHITECTURE.md §4.9).
public struct AcceptanceSettings: Sendable {
    /// When each sent award is asked about, and for how long.
    public var schedule: AcceptanceSchedule
    /// Seconds between two questions at least, whatever happens: the rate bound (1 s is at most 3,600 an
    /// hour; a question may carry a token renewal, which `minTokenInterval` spaces on its own).
    public var minInterval: Double
    /// Awards read from the store per round; a full round is followed by another at once.
    public var batchSize: Int
    /// Seconds before the store is looked in again after a round that was not full: new awards fall
    /// due an hour after they are sent, so a few minutes late is nothing.
    public var idleInterval: Double
    /// The pause of every check after a 429, a 5xx or no answer, growing with failures in a row; half
    /// to all of `ceiling(streak)`, so a failing issuer is left alone for up to the cap.
    public var backoff: Backoff
    /// The longest Retry-After honoured as given, in seconds.
    public var maxRetryAfter: Double
    /// Seconds a shutdown waits for a question in flight before leaving it (its answer is not needed).
    public var stopGrace: Double

    public init(schedule: AcceptanceSchedule = AcceptanceSchedule(), minInterval: Double = 1, batchSize: Int = 32,
                idleInterval: Double = 300, backoff: Backoff = Backoff(base: 2, cap: 300), maxRetryAfter: Double = 3600,
                stopGrace: Double = 3) {
        self.schedule = schedule
        self.minInterval = max(0.001, minInterval)
        self.batchSize = max(1, batchSize)
        self.idleInterval = max(0.01, idleInterval)
        self.backoff = backoff
        self.maxRetryAfter = maxRetryAfter
        self.stopGrace = stopGrace
    }
}
