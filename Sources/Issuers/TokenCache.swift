import Foundation
import Posix

/// An OAuth2 access token shared by every request: fetched by one thread at a time, kept until
/// shortly before it expires, and never asked for more often than once per `minInterval`.
final class TokenCache: @unchecked Sendable {
    /// A token and when to stop using it (monotonic nanoseconds).
    struct Token {
        var value: String
        var refreshAt: UInt64
        var expiresAt: UInt64
    }

    /// Fetches a new token: the token and its lifetime in seconds.
    typealias Fetch = @Sendable () -> Result<(token: String, expiresIn: Double), RetryAdvice>

    private let fetch: Fetch
    private let minInterval: UInt64
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var token: Token?
    private var fetching = false
    private var lastRequest: UInt64?
    /// Why the latest token request failed, until one succeeds: repeated while requests are spaced
    /// out, so the outbox keeps saying what to fix rather than that it is waiting.
    private var lastFailure: RetryAdvice?

    init(minInterval seconds: Double, fetch: @escaping @Sendable () -> Result<(token: String, expiresIn: Double), RetryAdvice>) {
        minInterval = MonotonicClock.nanoseconds(seconds: seconds)
        self.fetch = fetch
    }

    /// A usable token. `stale` is one the issuer just refused: it is replaced, once, however many
    /// threads report it.
    func current(replacing stale: String? = nil) -> Result<String, RetryAdvice> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let now = MonotonicClock.nanoseconds()
            if let token, token.value != stale, now < token.refreshAt { return .success(token.value) }
            if fetching {
                condition.wait()
                continue
            }
            if let lastRequest, now - lastRequest < minInterval {
                if let token, token.value != stale, now < token.expiresAt { return .success(token.value) }
                let wait = Double(minInterval - (now - lastRequest)) / 1e9
                return .failure(RetryAdvice(reason: lastFailure?.reason ?? "waiting before asking the issuer for a new sign-in token",
                                            ambiguous: false, retryAfter: max(wait, lastFailure?.retryAfter ?? 0),
                                            issuerWide: true))
            }
            fetching = true
            lastRequest = now
            condition.unlock()
            let result = fetch()
            condition.lock()
            fetching = false
            condition.broadcast()
            switch result {
            case let .success(fresh):
                lastFailure = nil
                let lifetime: Double = max(fresh.expiresIn, 1)
                // Renew shortly before the end: a tenth of the lifetime, at most a minute.
                let margin: Double = min(60, lifetime / 10)
                let start = MonotonicClock.nanoseconds()
                token = Token(value: fresh.token, refreshAt: start + MonotonicClock.nanoseconds(seconds: lifetime - margin),
                              expiresAt: start + MonotonicClock.nanoseconds(seconds: lifetime))
                return .success(fresh.token)
            case let .failure(advice):
                lastFailure = advice
                if token?.value == stale { token = nil }
                return .failure(advice)
            }
        }
    }
}
