import KioskCore

/// What became of a submitted claim, once committed.
public enum ClaimOutcome: Sendable, Equatable {
    /// Stored as a new claim, with one queued award per badge of the session and per programme it completed.
    case created(Claim)
    /// The same learner claimed with this code before: that claim's id and where its awards stand.
    /// It carries the name and email just submitted and the session's badges, never what was stored
    /// (which the purge may have erased anyway): whoever knows a code and an email must learn nothing
    /// more about that learner.
    case repeated(Claim, state: Award.State)
    case expired
    case usedUp
    /// It would have been new, but the sender may make no more new claims with this code.
    case tooManyFromAddress
    /// No code has that id (it may have been removed since the caller matched it).
    case unknownCode

    /// The stored claim, new or the same learner's earlier one; nil when no claim was made.
    public var claim: Claim? {
        switch self {
        case .created(let claim), .repeated(let claim, _): claim
        case .expired, .usedUp, .tooManyFromAddress, .unknownCode: nil
        }
    }
}
