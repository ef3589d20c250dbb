import KioskCore

/// What the issuer said when asked whether the learner has accepted a sent award.
public enum AcceptanceResult: Sendable, Equatable {
    /// Accepted, at the issuer's time when its answer gave one.
    case accepted(at: Timestamp?)
    /// Not accepted: not yet, or turned down (rejected, revoked, undeliverable). Told, so it counts.
    case pending
    /// The issuer cannot say for this award (Badgr never can; an award it does not list): never a guess.
    case notKnown
    /// No clear answer (429, 5xx, the network, a refused token): ask again later, after a pause.
    case retry(RetryAdvice)
}
