import KioskCore

/// The store's numbers for monitoring, each read from an index in a few steps however many claims
/// the kiosk has kept.
public struct StoreMetrics: Sendable, Equatable {
    /// Claims stored since the database was made.
    public var claims: Int
    /// Awards in each state; every state is present, zero when no award is in it.
    public var awards: [Award.State: Int]
    /// When the longest-waiting queued award was made; nil when none is queued.
    public var oldestQueuedAt: Timestamp?

    public init(claims: Int, awards: [Award.State: Int], oldestQueuedAt: Timestamp?) {
        self.claims = claims
        self.awards = awards
        self.oldestQueuedAt = oldestQueuedAt
    }
}
