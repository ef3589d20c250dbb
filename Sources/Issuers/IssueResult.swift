/// What became of one attempt to issue an award.
public enum IssueResult: Sendable, Equatable {
    /// The issuer has the award, under its own event or assertion id.
    case sent(reference: String)
    /// Refused for good (a permanent 4xx), with the issuer's reason: sending again would not help.
    case rejected(reason: String)
    case retry(RetryAdvice)
}
