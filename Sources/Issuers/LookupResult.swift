/// Whether the issuer already holds an award, asked before re-sending after an ambiguous attempt.
public enum LookupResult: Sendable, Equatable {
    /// It does, under this event or assertion id.
    case found(reference: String)
    case notFound
    /// The question got no clear answer.
    case retry(RetryAdvice)
    /// This issuer offers no way to ask: only staff, looking at the issuer's own records, can tell.
    case cannotAsk
}
