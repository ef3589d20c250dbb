/// What happens to a claim for a code, decided from values alone; the store applies it in one transaction.
public enum ClaimDecision: Sendable, Equatable {
    /// The same learner (same code, same email) claimed before: answer with that claim again.
    case repeatOf(claimID: String)
    /// Store it as a new claim.
    case accept
    case expired
    case usedUp
    /// It would be new, but where it came from may make no more new claims with this code.
    case tooManyFromAddress
}

/// The rules a claim code's use follows (docs/ARCHITECTURE.md §4.4).
public enum ClaimRules {
    /// Decides a claim. A repeat is recognised first, so a learner whose phone retried after the
    /// answer was lost gets their claim back even if the code has since filled up or expired, or
    /// their phone has used up its own share (`mayCreate` false).
    public static func decide(code: ClaimCode, existingClaimID: String?, now: Timestamp,
                              mayCreate: Bool = true) -> ClaimDecision {
        if let existingClaimID { return .repeatOf(claimID: existingClaimID) }
        if now >= code.expiresAt { return .expired }
        if code.claimed >= code.maxClaims { return .usedUp }
        return mayCreate ? .accept : .tooManyFromAddress
    }
}
