import Foundation
import KioskCore
import KioskStore

/// Navigatr (`https://api.navigatr.app`): a personal access token, badges issued one recipient at a time.
///
/// What this relies on, from Navigatr's public help pages ("Issuing Badges with Navigatr API",
/// "Personal Access Tokens for API and Integrations", "Understanding Badge Statuses", "How to
/// Manage Badge Recipients") and the API's own front page (api.navigatr.app):
/// - The token is a Personal Access Token made under User Settings; it does not expire unless
///   revoked and there is no exchange or refresh step. It goes in `Authorization: Bearer`. (One
///   newer help page and a third-party API summary name an `X-Access-Token` header instead; the
///   older pages and the issue example use Bearer.) It comes from `issuer_client_secret_file`.
/// - Issue: `PUT /v1/badge/{badge_id}/issue` with JSON `recipient_firstname`, `recipient_lastname`,
///   `recipient_email`; a success is 200 with the issued badge (an assertion) whose `id` we keep.
///   The badge id is the number in the badge's address (`navigatr.app/badge/3425/...`), and only
///   published badges can be issued.
/// - Statuses: 400 bad parameters, 401 not logged in or the token is no good, 403 not allowed;
///   the operation names (`issue_badge_v1_badge__badge_id__issue_put`) are FastAPI's, so refusals
///   read `{"detail": "..."}` and a body that fails validation answers 422 with `detail` a list.
/// - Badges: `GET /v1/badge/?provider_id=N&page=P&size=S` lists a provider's badges as
///   `{"items":[{"id","name","description",...}],"page","pages","size","total"}`; it wants a
///   provider (or community) id, which `issuer_client_id` holds. Without one, badges are added by id.
/// - No documented way to ask whether a recipient already holds a badge: after an unclear attempt
///   staff check the badge's Recipients tab, where each recipient shows Pending, Claimed, Revoked,
///   Failed or Complained. The issued badge carries that `status` ("Pending" in the issue answer);
///   acceptance checks read it back by the id we keep (`issuedPath`, which is not documented).
final class NavigatrAdapter: IssuerAdapter {
    /// Sent as the last name. Navigatr's issue form asks for a first and a last name and may refuse
    /// an empty one; we ask learners for their first name only. A hyphen reads as "not given" where a
    /// made-up value would not: repeating the first name or putting the venue there would print as
    /// the learner's surname. Learners set their own full name when they claim the badge.
    static let lastNameNotGiven = "-"
    /// The most badge-list pages fetched (100 badges each), so a looping answer cannot run forever.
    static let maxCataloguePages = 50

    let kind = IssuerKind.navigatr
    let canLookUp = false
    let canTellAcceptance = true
    private let settings: IssuerSettings
    private let http: IssuerHTTP

    init(settings: IssuerSettings, http: IssuerHTTP) {
        self.settings = settings
        self.http = http
    }

    func issue(_ award: OutboxItem) -> IssueResult {
        let path = "/v1/badge/\(StatusRules.segment(award.badgeID))/issue"
        switch exchange(IssuerRequest.json("PUT", path, Self.body(award), token: settings.clientSecret)) {
        case let .failure(failure):
            return .retry(RetryAdvice(failure))
        case let .success(reply):
            if (200..<300).contains(reply.status) {
                // A 2xx means Navigatr made the award: with no id in it, sending again would still double it.
                return .sent(reference: StatusRules.text(reply.object?["id"]) ?? "issued, no id given")
            }
            switch reply.status {
            case 401:
                return .retry(RetryAdvice(reason: Self.tokenRefused + " (\(Self.reason(reply)))", ambiguous: false,
                                          issuerWide: true))
            case 403:
                return .rejected(reason: "Navigatr refused the access token for this badge: check the secret file, "
                    + "and that the token's account may issue badge \(award.badgeID) (\(Self.reason(reply)))")
            case 404:
                return .rejected(reason: "Navigatr has no badge \(award.badgeID) that this token can issue "
                    + "(\(Self.reason(reply)))")
            default:
                let outcome = StatusRules.refusal(reply)
                guard case .rejected = outcome else { return outcome }
                return .rejected(reason: Self.reason(reply))
            }
        }
    }

    /// Navigatr documents no look-up of awards already made.
    func lookup(_ award: OutboxItem) -> LookupResult {
        .cannotAsk
    }

    /// Where an issued badge is read back, with its recipient's status. Navigatr's help pages name that
    /// status (Pending, Claimed, Revoked, Failed, Complained) but we found no documented path that reads
    /// one issued badge: this plain REST reading of the id the issue answer gave must be confirmed against
    /// the real service. It is kept here alone so that a correction is one line; the simulator mirrors it.
    static func issuedPath(_ id: String) -> String {
        "/v1/issued/\(StatusRules.segment(id))"
    }

    /// Reads the issued badge's `status`: Claimed is accepted; Pending, Revoked, Failed and Complained are
    /// told and not accepted. An award kept without Navigatr's number cannot be asked about.
    func acceptance(_ award: SentAward) -> AcceptanceResult {
        guard Int(award.reference) != nil else { return .notKnown }
        switch exchange(IssuerRequest.get(Self.issuedPath(award.reference), token: settings.clientSecret)) {
        case let .failure(failure):
            return StatusRules.acceptanceRetry(RetryAdvice(failure))
        case let .success(reply):
            guard (200..<300).contains(reply.status) else {
                if reply.status == 401 {
                    // A personal access token has no renewal: only a new one in the secret file helps.
                    return .retry(RetryAdvice(reason: Self.tokenRefused + " (\(Self.reason(reply)))", ambiguous: false,
                                              issuerWide: true))
                }
                return StatusRules.acceptanceRefusal(reply)
            }
            return Self.acceptance(of: reply.object)
        }
    }

    /// What an issued badge object says; `time_claimed` (ISO 8601, as `time_created` is) is read when given.
    static func acceptance(of issued: [String: Any]?) -> AcceptanceResult {
        switch (issued?["status"] as? String)?.lowercased() {
        case "claimed"?: .accepted(at: StatusRules.isoTime(issued?["time_claimed"]))
        case "pending"?, "revoked"?, "failed"?, "complained"?: .pending
        default: .notKnown
        }
    }

    func abandonInFlight() {
        http.abandonInFlight()
    }

    func catalogue() throws(IssuerError) -> [Badge] {
        guard let provider = Int(settings.clientID), provider > 0 else { throw IssuerError(Self.noProvider) }
        var badges: [Badge] = []
        for page in 1...Self.maxCataloguePages {
            let path = "/v1/badge/?provider_id=\(provider)&page=\(page)&size=100"
            let reply: IssuerReply
            switch exchange(IssuerRequest.get(path, token: settings.clientSecret)) {
            case let .failure(failure): throw IssuerError("Navigatr could not be asked for its badges: \(failure.reason)")
            case let .success(answer): reply = answer
            }
            guard (200..<300).contains(reply.status) else {
                if StatusRules.isTokenProblem(reply) { throw IssuerError(Self.tokenRefused + " (\(Self.reason(reply)))") }
                throw IssuerError("Navigatr refused the badge list: \(Self.reason(reply))")
            }
            let items = reply.object?["items"] as? [[String: Any]] ?? []
            badges += items.compactMap { item in
                guard let id = StatusRules.text(item["id"]), let name = item["name"] as? String, !name.isEmpty else { return nil }
                return Badge(id: id, name: name, description: item["description"] as? String ?? "")
            }
            let pages = (reply.object?["pages"] as? NSNumber)?.intValue ?? page
            if items.isEmpty || page >= pages { break }
        }
        return badges
    }

    /// The documented issue body. The email is lower-cased, as stored; the first name is the name
    /// the learner typed, whole, since we asked for a first name only.
    static func body(_ award: OutboxItem) -> [String: Any] {
        [
            "recipient_firstname": award.name,
            "recipient_lastname": lastNameNotGiven,
            "recipient_email": award.email.lowercased(),
        ]
    }

    static let tokenRefused = "Navigatr refused the access token: check the secret file, then restart badgekiosk"

    static let noProvider = "Navigatr lists badges only for one provider, and issuer_client_id does not hold your "
        + "provider's id number. Set it, or add each badge by its id with: badgekiosk badges add --id ID --name NAME "
        + "(the id is the number in the badge's address, e.g. navigatr.app/badge/3425/...)."

    /// The refusal in Navigatr's words: `detail` as text, or a validation list as `field: message`.
    static func reason(_ reply: IssuerReply) -> String {
        guard let problems = reply.object?["detail"] as? [[String: Any]], !problems.isEmpty else { return reply.reason }
        let parts = problems.map { problem in
            let field = (problem["loc"] as? [Any])?.last.map { "\($0)" } ?? "request"
            return "\(field): \(problem["msg"] as? String ?? "not accepted")"
        }
        let text = "HTTP \(reply.status): " + parts.joined(separator: "; ")
        return text.count > 300 ? String(text.prefix(297)) + "..." : text
    }

    private func exchange(_ request: IssuerRequest) -> Result<IssuerReply, TransportFailure> {
        http.exchange(request, baseURL: settings.baseURL, timeout: settings.timeoutSeconds)
    }
}
