import Foundation
import HTTPCore
import KioskCore
import KioskStore

/// Badgr and Canvas Credentials (badgr-server's v2 API): assertions on badge classes, wrapped answers.
final class BadgrAdapter: IssuerAdapter {
    /// badgr-server's words for a repeat award refused by `allowDuplicateAwards: false`.
    static let duplicateMessage = "A previous award of this badge already exists for this recipient."

    let kind = IssuerKind.badgr
    /// Never asked: badgr-server's assertions keep an `acceptance` only for a recipient's own Badgr
    /// backpack, which a learner claiming by email may never open, so nothing in them can be counted as
    /// accepted or not. Reports say "not known", and no request is ever made for it.
    let canTellAcceptance = false
    private let client: SignedClient

    init(settings: IssuerSettings, http: IssuerHTTP) {
        // An email address as the client id means a user's account (password grant with badgr-server's
        // public client); anything else is an application with client credentials.
        let fields: [(String, String)] = settings.clientID.contains("@")
            ? [("grant_type", "password"), ("username", settings.clientID), ("password", settings.clientSecret),
               ("client_id", "public"), ("scope", "rw:issuer")]
            : [("grant_type", "client_credentials"), ("client_id", settings.clientID),
               ("client_secret", settings.clientSecret), ("scope", "rw:issuer")]
        client = SignedClient(settings: settings, http: http, tokenRequest: .form("/o/token", fields))
    }

    func issue(_ award: OutboxItem) -> IssueResult {
        let path = "/v2/badgeclasses/\(StatusRules.segment(award.badgeID))/assertions"
        switch client.sendIssue(claimedAt: award.claimedAt, { issuedAt, token in
            IssuerRequest.json("POST", path, Self.body(award, issuedAt: issuedAt), token: token)
        }) {
        case let .failed(advice):
            return .retry(advice)
        case let .reply(reply):
            if (200..<300).contains(reply.status) {
                guard let id = Self.results(reply).first?["entityId"] as? String else {
                    return .retry(RetryAdvice(reason: "the issuer accepted the award but gave no assertion id", ambiguous: true))
                }
                return .sent(reference: id)
            }
            if reply.status == 400, Self.isDuplicate(reply) {
                // It already has it: that earlier award is the one the learner got; keep its id.
                switch lookup(award) {
                case let .found(reference): return .sent(reference: reference)
                case .notFound, .cannotAsk: return .sent(reference: "duplicate")
                case let .retry(advice):
                    return .retry(RetryAdvice(reason: "the issuer already has this award (\(advice.reason))", ambiguous: true,
                                              retryAfter: advice.retryAfter, issuerWide: advice.issuerWide))
                }
            }
            return StatusRules.issueRefusal(reply)
        }
    }

    /// Revoked and expired awards are listed too (badgr-server hides them otherwise): an award an
    /// admin revoked was still made, and must not come back by itself.
    func lookup(_ award: OutboxItem) -> LookupResult {
        let path = "/v2/badgeclasses/\(StatusRules.segment(award.badgeID))/assertions?recipient="
            + FormEncoding.encode(award.email.lowercased()) + "&include_revoked=true&include_expired=true"
        switch client.send({ IssuerRequest.get(path, token: $0) }) {
        case let .failed(advice):
            return .retry(RetryAdvice(reason: advice.reason, ambiguous: true, retryAfter: advice.retryAfter,
                                      issuerWide: advice.issuerWide))
        case let .reply(reply):
            guard (200..<300).contains(reply.status) else { return StatusRules.lookupRefusal(reply) }
            guard let id = Self.results(reply).first?["entityId"] as? String else { return .notFound }
            return .found(reference: id)
        }
    }

    func abandonInFlight() {
        client.http.abandonInFlight()
    }

    func catalogue() throws(IssuerError) -> [Badge] {
        let reply = try client.get("/v2/badgeclasses")
        return Self.results(reply).compactMap { item in
            guard let id = item["entityId"] as? String, let name = item["name"] as? String, !name.isEmpty else { return nil }
            return Badge(id: id, name: name, description: item["description"] as? String ?? "")
        }
    }

    /// The documented assertion body; emails go lower-cased because badgr-server compares them as written.
    static func body(_ award: OutboxItem, issuedAt: Timestamp) -> [String: Any] {
        [
            "recipient": ["identity": award.email.lowercased(), "type": "email", "hashed": true],
            "issuedOn": issuedAt.iso8601,
            "notify": true,
            "allowDuplicateAwards": false,
        ]
    }

    /// `result` of a v2 answer (`{"status":{…},"result":[…]}`).
    static func results(_ reply: IssuerReply) -> [[String: Any]] {
        reply.object?["result"] as? [[String: Any]] ?? []
    }

    static func isDuplicate(_ reply: IssuerReply) -> Bool {
        let errors = reply.object?["validationErrors"] as? [String] ?? []
        return errors.contains { $0.contains("previous award of this badge already exists") }
    }
}
