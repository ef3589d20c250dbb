import Foundation
import KioskCore
import KioskStore

/// One central issuer's API: issue an award, look one up, ask whether one was accepted, list the badge catalogue.
///
/// Calls block until the issuer answers or the request times out; the forwarder calls them from
/// its worker threads, several at once.
public protocol IssuerAdapter: Sendable {
    var kind: IssuerKind { get }
    /// Whether `lookup` can ask the issuer anything. When it cannot, an award whose attempt ended
    /// ambiguously is never sent again on its own: it waits as `unsure` for staff to check.
    var canLookUp: Bool { get }
    /// Sends `award` to the issuer.
    func issue(_ award: OutboxItem) -> IssueResult
    /// Asks whether the issuer already made `award` (by this kiosk, for this claim).
    func lookup(_ award: OutboxItem) -> LookupResult
    /// Whether `acceptance` can ask the issuer anything. When it cannot (Badgr), no acceptance check
    /// runs at all, and reports say "not known".
    var canTellAcceptance: Bool { get }
    /// Asks whether the learner accepted `award`, sent earlier (one request, and a token renewal on 401/403).
    func acceptance(_ award: SentAward) -> AcceptanceResult
    /// The issuer's badges, for the local catalogue.
    func catalogue() throws(IssuerError) -> [Badge]
    /// Ends requests in flight and refuses new ones, for a shutdown that must not wait on the issuer.
    func abandonInFlight()
}

extension IssuerAdapter {
    public var canLookUp: Bool { true }
    /// Issuers tell nothing unless their adapter says how to ask.
    public var canTellAcceptance: Bool { false }
    public func acceptance(_ award: SentAward) -> AcceptanceResult { .notKnown }
}

/// Builds the adapter `settings` ask for.
public func makeIssuerAdapter(_ settings: IssuerSettings) -> any IssuerAdapter {
    let http = IssuerHTTP(caFile: settings.caFile)
    return switch settings.kind {
    case .obf: OBFAdapter(settings: settings, http: http)
    case .badgr: BadgrAdapter(settings: settings, http: http)
    case .navigatr: NavigatrAdapter(settings: settings, http: http)
    }
}

/// The reading of statuses every issuer shares.
enum StatusRules {
    /// The outcome of a non-2xx answer that is not about the token.
    static func refusal(_ reply: IssuerReply) -> IssueResult {
        switch reply.status {
        case 429:
            return .retry(slowDown(reply))
        case 408:
            return .retry(RetryAdvice(reason: reply.reason, ambiguous: false))
        case 400..<500:
            return .rejected(reason: reply.reason)
        case 500...:
            // The issuer may have stored the award before failing: look before sending again.
            return .retry(RetryAdvice(reason: reply.reason, ambiguous: true, retryAfter: reply.retryAfter))
        default:
            return .retry(RetryAdvice(reason: "unexpected answer \(reply.reason)", ambiguous: true))
        }
    }

    /// The outcome of a look-up that got neither a list nor a token problem.
    static func lookupRefusal(_ reply: IssuerReply) -> LookupResult {
        switch refusal(reply) {
        case let .retry(advice): .retry(RetryAdvice(reason: advice.reason, ambiguous: true, retryAfter: advice.retryAfter,
                                                     issuerWide: advice.issuerWide))
        case let .rejected(reason): .retry(RetryAdvice(reason: "the look-up was refused (\(reason))", ambiguous: true))
        case .sent: .notFound
        }
    }

    /// A 429: every request to the issuer waits, for its `Retry-After` when it gives one.
    static func slowDown(_ reply: IssuerReply) -> RetryAdvice {
        RetryAdvice(reason: "the issuer asked us to slow down (\(reply.reason))", ambiguous: false,
                    retryAfter: reply.retryAfter, issuerWide: true)
    }

    static func isTokenProblem(_ reply: IssuerReply) -> Bool {
        reply.status == 401 || reply.status == 403
    }

    /// An id from JSON, given as text or as a number; nil when absent or empty.
    static func text(_ value: Any?) -> String? {
        if let string = value as? String, !string.isEmpty { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    /// The last path segment of a `Location` such as `/v1/event/{client}/{event}`.
    static func lastSegment(_ location: String?) -> String? {
        guard let location else { return nil }
        let path = location.split(separator: "?").first.map(String.init) ?? location
        return path.split(separator: "/").last.map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }
}
