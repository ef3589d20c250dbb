import KioskCore

/// What one acceptance check learnt about a sent award, as the store keeps it.
public enum AcceptanceAnswer: Sendable, Equatable {
    /// The learner accepted it, at the issuer's time when it gave one (never a time made up here).
    case accepted(at: Timestamp?)
    /// The issuer says it is not accepted (not yet, or turned down): it counts as told, not accepted.
    case pending
    /// The issuer could not say for this award: only the check's time is kept, and what it said before stays.
    case notKnown
}
