import KioskCore

/// What became of a request to change how many learners a session's code admits.
public enum ClaimLimitChange: Sendable, Equatable {
    /// The code, with its new limit.
    case changed(ClaimCode)
    /// The session has not ended, so it has no code yet.
    case noCode
    /// The limit asked for is below the number who have already claimed, which it stays above.
    case belowClaimed(Int)
}
