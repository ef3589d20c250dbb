/// Why an attempt should be tried again, and how.
public struct RetryAdvice: Error, Sendable, Equatable {
    /// Plain words for the operator (never secrets or personal data).
    public var reason: String
    /// The issuer may have made the award anyway: look it up before sending again.
    public var ambiguous: Bool
    /// No answer came at all (a timeout, a dropped connection): the request may still be on its way
    /// or in the issuer's hands, so a look-up right away could miss an award about to be made.
    public var unanswered = false
    /// Seconds the issuer asked us to wait (Retry-After), if it said.
    public var retryAfter: Double?
    /// The problem is the issuer's or the network's, not this award's: pause all sending.
    public var issuerWide: Bool

    public init(reason: String, ambiguous: Bool, retryAfter: Double? = nil, issuerWide: Bool = false) {
        self.reason = reason
        self.ambiguous = ambiguous
        self.retryAfter = retryAfter
        self.issuerWide = issuerWide
    }

    /// Advice for a request that got no HTTP answer.
    public init(_ failure: TransportFailure) {
        switch failure {
        case let .notSent(reason): self.init(reason: reason, ambiguous: false, issuerWide: true)
        case let .lost(reason):
            self.init(reason: reason, ambiguous: true)
            unanswered = true
        }
    }
}
