import Foundation
import HTTPCore
import KioskCore

/// Requests with the issuer's bearer token, renewed once when the issuer refuses it (401/403).
struct SignedClient: Sendable {
    /// A reply, or why there is none (already sorted into retry advice).
    enum Outcome {
        case reply(IssuerReply)
        case failed(RetryAdvice)
    }

    let settings: IssuerSettings
    let http: IssuerHTTP
    let tokens: TokenCache

    /// `tokenRequest` builds the token endpoint's form request; its JSON answer must carry
    /// `access_token` and may carry `expires_in`.
    init(settings: IssuerSettings, http: IssuerHTTP, tokenRequest: IssuerRequest) {
        self.settings = settings
        self.http = http
        tokens = TokenCache(minInterval: settings.minTokenInterval) { [settings, http] in
            Self.fetchToken(tokenRequest, settings: settings, http: http)
        }
    }

    /// Sends the request `make` builds around a token; on 401 or 403 renews the token once and sends
    /// again. A request the issuer refused for its token was not carried out, so resending is safe.
    func send(_ make: (String) -> IssuerRequest) -> Outcome {
        var token: String
        switch tokens.current() {
        case let .success(value): token = value
        case let .failure(advice): return .failed(advice)
        }
        for attempt in 0..<2 {
            let reply: IssuerReply
            switch http.exchange(make(token), baseURL: settings.baseURL, timeout: settings.timeoutSeconds) {
            case let .success(answer): reply = answer
            case let .failure(failure): return .failed(RetryAdvice(failure))
            }
            guard StatusRules.isTokenProblem(reply), attempt == 0 else { return .reply(reply) }
            switch tokens.current(replacing: token) {
            case let .success(fresh): token = fresh
            case let .failure(advice): return .failed(advice)
            }
        }
        preconditionFailure("the loop returns on its second pass")
    }

    /// Sends an issue request built around its issue time. When the issuer refuses that time as in
    /// its future, its answer's `Date` has just corrected our idea of its clock, so the request is
    /// built again and sent once more; nothing was issued by the refused one.
    func sendIssue(claimedAt: Timestamp, _ make: (_ issuedAt: Timestamp, _ token: String) -> IssuerRequest) -> Outcome {
        for attempt in 0..<2 {
            let outcome = send { make(IssueTime.forAward(claimedAt: claimedAt, issuerNow: http.issuerNow()), $0) }
            guard attempt == 0, case let .reply(reply) = outcome, StatusRules.refusesFutureTime(reply) else { return outcome }
        }
        preconditionFailure("the loop returns on its second pass")
    }

    /// Plain GET with the token, for catalogue listings.
    func get(_ path: String) throws(IssuerError) -> IssuerReply {
        switch send({ IssuerRequest.get(path, token: $0) }) {
        case let .failed(advice): throw IssuerError(advice.reason)
        case let .reply(reply):
            guard (200..<300).contains(reply.status) else { throw IssuerError("the issuer refused the request: \(reply.reason)") }
            return reply
        }
    }

    private static func fetchToken(_ request: IssuerRequest, settings: IssuerSettings,
                                   http: IssuerHTTP) -> Result<(token: String, expiresIn: Double), RetryAdvice> {
        switch http.exchange(request, baseURL: settings.baseURL, timeout: settings.timeoutSeconds) {
        case let .failure(failure):
            // Nothing is issued by a token request, so even a lost one is safe to repeat.
            return .failure(RetryAdvice(reason: failure.reason, ambiguous: false, issuerWide: true))
        case let .success(reply):
            return tokenOutcome(reply)
        }
    }

    /// What a token endpoint's answer means: the token and its lifetime, or why there is none.
    static func tokenOutcome(_ reply: IssuerReply) -> Result<(token: String, expiresIn: Double), RetryAdvice> {
        if (200..<300).contains(reply.status), let object = reply.object,
           let token = object["access_token"] as? String, !token.isEmpty {
            let expiresIn = (object["expires_in"] as? NSNumber)?.doubleValue ?? 3600
            return .success((token, expiresIn))
        }
        if reply.status == 429 || reply.status >= 500 {
            // badgr-server throttles sign-ins with `{"error":"login attempts throttled","expires":N}`
            // and no Retry-After: N is the wait.
            let wait = reply.retryAfter ?? (reply.object?["expires"] as? NSNumber)?.doubleValue
            return .failure(RetryAdvice(reason: "the issuer's sign-in is busy (\(reply.reason))", ambiguous: false,
                                        retryAfter: wait, issuerWide: true))
        }
        return .failure(RetryAdvice(reason: StatusRules.signInRefusal(reply), ambiguous: false, issuerWide: true))
    }
}

extension StatusRules {
    /// The outcome of an issue request's answer that is not a success.
    static func issueRefusal(_ reply: IssuerReply) -> IssueResult {
        if refusesFutureTime(reply) {
            return .retry(RetryAdvice(reason: "the issuer's clock is behind this kiosk's (\(reply.reason)); "
                                      + "the award goes again with the issuer's time", ambiguous: false))
        }
        if reply.status == 401 {
            return .retry(RetryAdvice(reason: "the issuer refused our sign-in token twice (\(reply.reason))",
                                      ambiguous: false, issuerWide: true))
        }
        return refusal(reply)
    }

    /// A 400 refusing the issue time as in the future: badgr-server's `fieldErrors.issuedOn` ("Only
    /// issuedOn dates in the past are acceptable."), or an error naming OBF's `issued_on`.
    static func refusesFutureTime(_ reply: IssuerReply) -> Bool {
        guard reply.status == 400, let object = reply.object else { return false }
        if let fields = object["fieldErrors"] as? [String: Any], fields["issuedOn"] != nil { return true }
        let words = ["message", "error_description", "error"].compactMap { object[$0] as? String }.joined(separator: " ")
        return words.contains("issued_on") && words.contains("future")
    }

    /// Plain words for a refused token request, saying which setting to check (OAuth2's error codes,
    /// as badgr-server and Open Badge Factory answer them).
    static func signInRefusal(_ reply: IssuerReply) -> String {
        switch reply.object?["error"] as? String {
        case "invalid client_id"?:
            return "the issuer does not know this client id: check issuer_client_id (\(reply.reason))"
        case "invalid_client"?:
            return "the issuer refused the client secret: check the secret file (issuer_client_secret_file)"
        case "invalid_grant"?:
            return "the issuer refused the user name or password: check issuer_client_id and the secret file"
        case "invalid_scope"?:
            return "the issuer's application is not allowed to issue badges: give it the rw:issuer scope"
        default:
            return "the issuer refused our sign-in (\(reply.reason)); check issuer_client_id and the secret file"
        }
    }

    /// `text` as one URL path segment.
    static func segment(_ text: String) -> String {
        FormEncoding.encode(text)
    }
}
