import KioskCore

/// What became of a submitted claim, once committed.
public enum ClaimOutcome: Sendable, Equatable {
    /// Stored as a new claim, with one queued award per badge of the session and per programme it completed.
    case created(Claim)
    /// The same learner claimed with this code before: that claim's id, badges and time, with the
    /// name and email just given (never stored ones, which the purge may have erased), and where its awards stand.
    case repeated(Claim, state: Award.State)
    case expired
    case usedUp
    /// No code has that id (it may have been removed since the caller matched it).
    case unknownCode
}
