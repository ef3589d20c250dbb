import KioskCore

/// What became of one attempt to send an award, as the store records it.
public enum AwardOutcome: Sendable, Equatable {
    /// The issuer has it, under its own event or assertion id.
    case sent(reference: String)
    /// Refused for good (a permanent 4xx): parked with the issuer's reason until an operator retries.
    case failed(reason: String)
    /// It may have reached an issuer that cannot be asked: it waits, never sent again on its own,
    /// until staff check and decide.
    case unsure(reason: String)
    /// Worth trying again at `nextAttempt`; `ambiguous` when the issuer may have made the award
    /// anyway, so the next attempt looks it up first.
    case retry(error: String, ambiguous: Bool, nextAttempt: Timestamp)
}
