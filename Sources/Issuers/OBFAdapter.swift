import Foundation
import HTTPCore
import KioskCore
import KioskStore

/// Open Badge Factory: OAuth2 client credentials, awards as events, one JSON object per line in lists.
final class OBFAdapter: IssuerAdapter {
    /// Identifies this kiosk's awards in OBF, and narrows look-ups to them.
    static let apiConsumerID = "badgekiosk"

    let kind = IssuerKind.obf
    let canTellAcceptance = true
    private let settings: IssuerSettings
    private let client: SignedClient

    init(settings: IssuerSettings, http: IssuerHTTP) {
        self.settings = settings
        client = SignedClient(settings: settings, http: http, tokenRequest: .form("/v1/client/oauth2/token", [
            ("grant_type", "client_credentials"), ("client_id", settings.clientID),
            ("client_secret", settings.clientSecret),
        ]))
    }

    func issue(_ award: OutboxItem) -> IssueResult {
        let path = "/v1/badge/\(StatusRules.segment(settings.clientID))/\(StatusRules.segment(award.badgeID))"
        let venue = settings.venueName
        switch client.sendIssue(claimedAt: award.claimedAt, { issuedAt, token in
            IssuerRequest.json("POST", path, Self.body(award, venue: venue, issuedAt: issuedAt), token: token)
        }) {
        case let .failed(advice):
            return .retry(advice)
        case let .reply(reply):
            guard (200..<300).contains(reply.status) else { return StatusRules.issueRefusal(reply) }
            guard let event = StatusRules.lastSegment(reply.headers["location"]) ?? (reply.object?["id"] as? String) else {
                return .retry(RetryAdvice(reason: "the issuer accepted the award but gave no event id", ambiguous: true))
            }
            return .sent(reference: event)
        }
    }

    func lookup(_ award: OutboxItem) -> LookupResult {
        let query = [("badge_id", award.badgeID), ("email", award.email), ("api_consumer_id", Self.apiConsumerID)]
            .map { "\($0.0)=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        let path = "/v1/event/\(StatusRules.segment(settings.clientID))?\(query)"
        switch client.send({ IssuerRequest.get(path, token: $0) }) {
        case let .failed(advice):
            return .retry(RetryAdvice(reason: advice.reason, ambiguous: true, retryAfter: advice.retryAfter,
                                      issuerWide: advice.issuerWide))
        case let .reply(reply):
            if reply.status == 404 { return .notFound }
            guard (200..<300).contains(reply.status) else { return StatusRules.lookupRefusal(reply) }
            let claimedOn = award.claimedAt.milliseconds / 1000
            for event in reply.lines {
                guard let id = StatusRules.text(event["id"]) else { continue }
                if let entry = event["log_entry"] as? [String: Any] {
                    if StatusRules.text(entry["claim"]) == award.claimID { return .found(reference: id) }
                } else if let issuedOn = (event["issued_on"] as? NSNumber)?.int64Value, abs(issuedOn - claimedOn) <= 86_400 {
                    // No log entry to tell claims apart: the issue time was the claim time, or the issuer's
                    // clock when that was earlier (`IssueTime`), so an event of this badge for this learner
                    // from about then is this award.
                    return .found(reference: id)
                }
            }
            return .notFound
        }
    }

    /// OBF's event assertions, `GET /v1/event/{client_id}/{event_id}/assertion`: one per recipient of the
    /// event, each with its `email` and `status`, as a list like OBF's others (one JSON object per line;
    /// a JSON array is read too). This award's is the one with its learner's email, compared lower-cased.
    func acceptance(_ award: SentAward) -> AcceptanceResult {
        // Without the email (erased by the retention purge) there is nothing to tell its assertion by.
        guard let email = award.email?.lowercased(), !email.isEmpty, StatusRules.isIssuerID(award.reference) else {
            return .notKnown
        }
        let path = "/v1/event/\(StatusRules.segment(settings.clientID))/\(StatusRules.segment(award.reference))/assertion"
        switch client.send({ IssuerRequest.get(path, token: $0) }) {
        case let .failed(advice):
            return StatusRules.acceptanceRetry(advice)
        case let .reply(reply):
            guard (200..<300).contains(reply.status) else { return StatusRules.acceptanceRefusal(reply) }
            return Self.acceptance(of: StatusRules.records(reply).filter { ($0["email"] as? String)?.lowercased() == email })
        }
    }

    /// What the learner's assertions of one event say: `accepted` (with `accepted_on`, Unix seconds,
    /// when given), or `pending`; `rejected` and `revoked` are told and not accepted, so they count
    /// as pending. A status OBF does not document here, or no assertion at all, is not known.
    static func acceptance(of assertions: [[String: Any]]) -> AcceptanceResult {
        var told = false
        for assertion in assertions {
            switch (assertion["status"] as? String)?.lowercased() {
            case "accepted"?: return .accepted(at: StatusRules.unixSeconds(assertion["accepted_on"]))
            case "pending"?, "rejected"?, "revoked"?: told = true
            default: continue
            }
        }
        return told ? .pending : .notKnown
    }

    func abandonInFlight() {
        client.http.abandonInFlight()
    }

    func catalogue() throws(IssuerError) -> [Badge] {
        let reply = try client.get("/v1/badge/\(StatusRules.segment(settings.clientID))")
        return reply.lines.compactMap { line in
            guard let id = StatusRules.text(line["id"]), let name = line["name"] as? String, !name.isEmpty else { return nil }
            return Badge(id: id, name: name, description: line["description"] as? String ?? "")
        }
    }

    /// The documented issue body; the issue date is the claim time (see `IssueTime`), and the log
    /// entry ties the event to its claim so a look-up can tell this award from an earlier one of the same badge.
    static func body(_ award: OutboxItem, venue: String, issuedAt: Timestamp) -> [String: Any] {
        // Angle brackets would break OBF's "Name <email>" recipient form.
        let name = Claimant.recipientName(award.name)
        return [
            "recipient": ["\(name) <\(award.email)>"],
            "issued_on": issuedAt.milliseconds / 1000,
            "api_consumer_id": apiConsumerID,
            "log_entry": ["claim": award.claimID, "venue": venue],
            "send_email": 1,
        ]
    }
}
