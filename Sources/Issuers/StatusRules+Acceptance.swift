import Foundation
import KioskCore

/// The reading of acceptance answers every issuer shares.
extension StatusRules {
    /// What a non-2xx answer to an acceptance question means. Only the issuer's or the network's
    /// trouble is asked again soon (after a pause of all checks); a refusal about this one award is
    /// "not known" this time, and the award is asked again on its schedule, never in a loop.
    static func acceptanceRefusal(_ reply: IssuerReply) -> AcceptanceResult {
        switch reply.status {
        case 429:
            return .retry(slowDown(reply))
        case 401, 403:
            // Reached only after the token was renewed once (or, for Navigatr, cannot be renewed).
            return .retry(RetryAdvice(reason: "the issuer refused our token for an acceptance check (\(reply.reason))",
                                      ambiguous: false, issuerWide: true))
        case 408, 500...:
            return .retry(RetryAdvice(reason: reply.reason, ambiguous: false, retryAfter: reply.retryAfter, issuerWide: true))
        default:
            return .notKnown
        }
    }

    /// Advice for a question that got no answer: asking changes nothing at the issuer, so the only
    /// thing to do is pause every check (a lost answer is no more than a timeout here).
    static func acceptanceRetry(_ advice: RetryAdvice) -> AcceptanceResult {
        .retry(RetryAdvice(reason: advice.reason, ambiguous: false, retryAfter: advice.retryAfter, issuerWide: true))
    }

    /// The objects of a list answer: a JSON array, or one JSON object per line (OBF's usual list form).
    static func records(_ reply: IssuerReply) -> [[String: Any]] {
        if let array = (try? JSONSerialization.jsonObject(with: reply.body)) as? [Any] {
            return array.compactMap { $0 as? [String: Any] }
        }
        return reply.lines
    }

    /// Whether a stored issuer reference can name the award in a request: the words kept when the issuer
    /// gave no id ("issued, no id given", "confirmed by staff") cannot, so such an award is not known.
    static func isIssuerID(_ reference: String) -> Bool {
        !reference.isEmpty && !reference.contains(where: \.isWhitespace)
    }

    /// A time given as Unix seconds (a number or its text), or nil.
    static func unixSeconds(_ value: Any?) -> Timestamp? {
        let seconds = (value as? NSNumber)?.doubleValue ?? (value as? String).flatMap(Double.init)
        guard let seconds, seconds > 0, seconds < 1e11 else { return nil }
        return Timestamp(milliseconds: Int64(seconds * 1000))
    }

    /// A time given as ISO-8601 text (with or without fractional seconds), or nil.
    static func isoTime(_ value: Any?) -> Timestamp? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return Timestamp(date) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text).map(Timestamp.init)
    }
}
