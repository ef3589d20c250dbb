import Foundation
import HTTPCore

/// Navigatr's API as the kiosk uses it: a personal access token, a provider's badges, issuing one.
///
/// Answers the way a FastAPI service does (`{"detail": "..."}`, and 422 with a list of problems
/// for a request that fails validation). Stricter than the real service on purpose: unknown body
/// fields and query parameters are refused too, so a kiosk that drifts from the documented shape
/// fails here. Issuing the same badge to the same person twice makes two awards, as nothing
/// documented says Navigatr refuses it: a kiosk that sends twice shows up in `/_sim/awards`.
extension SimulatorResponder {
    /// The documented issue body.
    struct NavigatrIssue: Decodable {
        var recipient_firstname: String
        var recipient_lastname: String
        var recipient_email: String
    }

    func navigatrBadges(_ exchange: SimulatorExchange) {
        guard navigatrAuthorized(exchange.request) else { return navigatrUnauthorized(exchange) }
        let query = FormFields(exchange.request.query ?? "")
        if let unknown = Set(query.names).subtracting(["provider_id", "community_id", "page", "size"]).sorted().first {
            return navigatrInvalid(exchange, ["query", unknown], "unexpected parameter")
        }
        guard let providerText = query["provider_id"] else {
            return exchange.json(400, ["detail": "provider_id or community_id is required"])
        }
        guard let provider = Int(providerText) else {
            return navigatrInvalid(exchange, ["query", "provider_id"], "value is not a valid integer")
        }
        guard let page = Int(query["page"] ?? "1"), page >= 1 else {
            return navigatrInvalid(exchange, ["query", "page"], "must be 1 or more")
        }
        guard let size = Int(query["size"] ?? "50"), (1...100).contains(size) else {
            return navigatrInvalid(exchange, ["query", "size"], "must be from 1 to 100")
        }
        let listed = provider == configuration.navigatrProviderID ? configuration.catalogue.filter { $0.navigatrID > 0 } : []
        let pages = max(1, (listed.count + size - 1) / size)
        let items = listed.dropFirst((page - 1) * size).prefix(size).map { badge -> [String: Any] in
            ["id": badge.navigatrID, "name": badge.name, "description": badge.description, "status": "Published",
             "provider_ids": [provider], "url": "https://navigatr.app/badge/\(badge.navigatrID)"]
        }
        exchange.json(200, ["items": items, "page": page, "pages": pages, "size": size, "total": listed.count])
    }

    func navigatrIssue(_ exchange: SimulatorExchange, badge text: String) {
        let request = exchange.request
        guard navigatrAuthorized(request) else { return navigatrUnauthorized(exchange) }
        guard let number = Int(text) else {
            return navigatrInvalid(exchange, ["path", "badge_id"], "value is not a valid integer")
        }
        guard let badge = configuration.catalogue.first(where: { $0.navigatrID == number && number > 0 }) else {
            return exchange.json(404, ["detail": "Badge not found"])
        }
        let body: NavigatrIssue
        switch self.body(request, as: NavigatrIssue.self,
                         keys: ["recipient_firstname", "recipient_lastname", "recipient_email"]) {
        case let .failure(refusal): return navigatrInvalid(exchange, ["body"], refusal.message)
        case let .success(decoded): body = decoded
        }
        for (field, value) in [("recipient_firstname", body.recipient_firstname), ("recipient_lastname", body.recipient_lastname)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            return navigatrInvalid(exchange, ["body", field], "must not be empty")
        }
        let email = body.recipient_email
        guard email.contains("@"), !email.contains(" "), !email.hasPrefix("@"), !email.hasSuffix("@") else {
            return navigatrInvalid(exchange, ["body", "recipient_email"], "value is not a valid email address")
        }
        let state = state
        let provider = configuration.navigatrProviderID
        withFault(exchange) { answer in
            let issuedAt = ISO8601DateFormatter().string(from: Date())
            let stored = state.storeNumbered { id in
                SimulatedAward(id: String(id), badge: String(badge.navigatrID), email: email, name: body.recipient_firstname,
                               api: "navigatr", claim: nil, issuedOn: issuedAt)
            }
            answer?.json(200, Self.issued(stored, badge: badge, provider: provider, lastName: body.recipient_lastname))
        }
    }

    /// `GET /v1/issued/{id}`: the issued badge again, its `status` (Pending, Claimed with `time_claimed`,
    /// Revoked) as `POST /_sim/accept` left it. The path is the kiosk's guess (`NavigatrAdapter.issuedPath`):
    /// Navigatr documents the statuses, not where to read one.
    func navigatrIssued(_ exchange: SimulatorExchange, id text: String) {
        let request = exchange.request
        guard navigatrAuthorized(request) else { return navigatrUnauthorized(exchange) }
        if let unknown = FormFields(request.query ?? "").names.first {
            return navigatrInvalid(exchange, ["query", unknown], "unexpected parameter")
        }
        guard Int(text) != nil else { return navigatrInvalid(exchange, ["path", "issued_id"], "value is not a valid integer") }
        guard let award = state.award(api: "navigatr", id: text),
              let badge = configuration.catalogue.first(where: { String($0.navigatrID) == award.badge }) else {
            return exchange.json(404, ["detail": "Not found"])
        }
        let state = state
        let provider = configuration.navigatrProviderID
        withFault(exchange) { answer in
            guard let answer, let current = state.award(api: "navigatr", id: text) else { return }
            answer.json(200, Self.issued(current, badge: badge, provider: provider, lastName: "-"))
        }
    }

    /// The issued badge object, as the issue answer and the read-back give it.
    private static func issued(_ award: SimulatedAward, badge: SimulatedBadge, provider: Int, lastName: String) -> [String: Any] {
        let status = switch award.status {
        case .pending: "Pending"
        case .accepted: "Claimed"
        case .revoked: "Revoked"
        }
        var object: [String: Any] = [
            "id": Int(award.id) ?? 0, "badge_id": badge.navigatrID, "badge": ["id": badge.navigatrID, "name": badge.name],
            "provider_id": provider, "recipient_firstname": award.name, "recipient_lastname": lastName,
            "recipient_email": award.email, "status": status, "issue_date": award.issuedOn, "time_created": award.issuedOn,
            "issuing_method": "api",
        ]
        if award.status == .accepted, let at = award.statusChangedAt {
            object["time_claimed"] = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: at))
        }
        return object
    }

    /// A personal access token goes as `Authorization: Bearer` and never expires; it is the simulator's secret.
    private func navigatrAuthorized(_ request: HTTPRequest) -> Bool {
        request.headers["Authorization"] == "Bearer \(configuration.clientSecret)"
    }

    private func navigatrUnauthorized(_ exchange: SimulatorExchange) {
        exchange.json(401, ["detail": "Could not validate credentials"], headers: [("WWW-Authenticate", "Bearer")])
    }

    /// FastAPI's validation refusal: 422 with where the problem is and what it is.
    private func navigatrInvalid(_ exchange: SimulatorExchange, _ location: [String], _ message: String) {
        exchange.json(422, ["detail": [["loc": location, "msg": message, "type": "value_error"]]])
    }
}
