import KioskCore

/// The awards outbox at a glance: how many awards are in each state, and what went wrong lately.
public struct OutboxSummary: Sendable, Equatable {
    /// Every state, zero when no award is in it.
    public var counts: [Award.State: Int]
    /// When the longest-waiting queued award was made; nil when none is queued.
    public var oldestQueuedAt: Timestamp?
    /// The most recent errors, newest first.
    public var lastErrors: [AwardError]
    /// Awards waiting for staff to check the issuer, the longest-waiting first (at most
    /// `KioskStore.outboxUnsureShown`; `counts[.unsure]` has them all).
    public var unsure: [ParkedAward]

    public init(counts: [Award.State: Int], oldestQueuedAt: Timestamp?, lastErrors: [AwardError], unsure: [ParkedAward] = []) {
        self.counts = counts
        self.oldestQueuedAt = oldestQueuedAt
        self.lastErrors = lastErrors
        self.unsure = unsure
    }
}
