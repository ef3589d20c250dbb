import KioskCore

/// When a sent award is next asked about (docs/ARCHITECTURE.md §4.9): pure, and mirrored by the store's
/// due query (`KioskStore.awardsDueAcceptanceCheck`), which tests hold to it.
///
/// The first check is `firstCheck` after the award was sent; each later one waits as long as the award
/// had been out at the check before, so the gaps double (1 h, 2 h, 4 h, …) up to `maxInterval` (a day),
/// and the asking stops `window` after sending (30 days: about 35 checks at most for an award never
/// accepted) or once the issuer says it is accepted. Learners accept in the first hours or days when
/// they do at all, so early checks are close together and later ones rare.
public struct AcceptanceSchedule: Sendable, Equatable {
    /// Seconds after sending before the first check.
    public var firstCheck: Int64
    /// The longest gap between two checks of one award, in seconds.
    public var maxInterval: Int64
    /// Seconds after sending past which an award is never asked about again.
    public var window: Int64

    public init(firstCheck: Int64 = 3600, maxInterval: Int64 = 86_400, window: Int64 = 30 * 86_400) {
        self.firstCheck = max(1, firstCheck)
        self.maxInterval = max(self.firstCheck, maxInterval)
        self.window = max(0, window)
    }

    /// When an award sent at `sentAt` and last checked at `checkedAt` (nil: never) is next due; nil
    /// when that would be past its window.
    public func nextCheck(sentAt: Timestamp, checkedAt: Timestamp?) -> Timestamp? {
        let due: Timestamp
        if let checkedAt {
            // The gap is the age at the last check, so the gaps double; a clock set back since (a
            // negative age) counts as the shortest gap.
            let age = (checkedAt.milliseconds - sentAt.milliseconds) / 1000
            due = checkedAt.adding(seconds: min(maxInterval, max(firstCheck, age)))
        } else {
            due = sentAt.adding(seconds: firstCheck)
        }
        return due.milliseconds < sentAt.adding(seconds: window).milliseconds ? due : nil
    }

    /// Whether the award is due a check at `now`.
    public func isDue(sentAt: Timestamp, checkedAt: Timestamp?, now: Timestamp) -> Bool {
        guard now.milliseconds < sentAt.adding(seconds: window).milliseconds,
              let next = nextCheck(sentAt: sentAt, checkedAt: checkedAt) else { return false }
        return next <= now
    }
}
