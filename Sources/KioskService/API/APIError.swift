import HTTPCore
import KioskCore

/// A refusal the API sends as `{"error":{"code":…,"message":…}}` with its HTTP status.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    /// Extra response headers, e.g. `Retry-After` on 429.
    public var headers: [(String, String)] = []

    public init(_ status: HTTPStatus, _ code: String, _ message: String, headers: [(String, String)] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public static func == (lhs: APIError, rhs: APIError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// A field a person typed was refused: 400 with the rule's own words.
    public init(_ field: FieldError) {
        self.init(.badRequest, field.code, field.message)
    }

    static let notFound = APIError(.notFound, "not_found", "There is nothing at this address.")
    static let unauthorized = APIError(.unauthorized, "unauthorized",
                                       "This needs the staff token: send it as `Authorization: Bearer <token>`.",
                                       headers: [("WWW-Authenticate", "Bearer")])
    static let unknownCode = APIError(.notFound, "unknown_code",
                                      "That code did not work. Check it with the person who taught you.")
    static let codeExpired = APIError(.gone, "code_expired",
                                      "That code has expired. Ask the person who taught you for a new one.")
    static let codeUsedUp = APIError(.gone, "code_used_up",
                                     "That code has been used as many times as it can. Ask the person who taught you.")
    static let storeFailed = APIError(.serviceUnavailable, "storage_unavailable",
                                      "The kiosk could not save that just now. Please try again in a moment.")

    static func methodNotAllowed(_ allowed: String) -> APIError {
        APIError(.methodNotAllowed, "method_not_allowed", "This address accepts \(allowed) only.",
                 headers: [("Allow", allowed)])
    }

    static func tooManyAttempts(retryAfter seconds: Int64) -> APIError {
        APIError(.tooManyRequests, "too_many_attempts",
                 "Too many codes did not work. Please wait \(wait(seconds)) and try again.",
                 headers: [("Retry-After", String(seconds))])
    }

    /// A phone made all the new claims it may with one code: a family can share a phone, a stranger
    /// cannot take every place.
    static func tooManyClaims(_ share: KioskService.ClaimShare) -> APIError {
        APIError(.tooManyRequests, "too_many_claims",
                 "This phone has already been used to collect badges for \(share.allowed ?? 0) people with this code. "
                     + "To collect another, use the kiosk or ask the person who taught you.",
                 headers: [("Retry-After", String(share.retryAfter))])
    }

    /// "45 seconds", "5 minutes", "2 hours": a wait in the largest whole unit that says it.
    static func wait(_ seconds: Int64) -> String {
        func plural(_ count: Int64, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        if seconds < 120 { return plural(seconds, "second") }
        if seconds < 2 * 3600 { return plural((seconds + 59) / 60, "minute") }
        return plural((seconds + 3599) / 3600, "hour")
    }
}
