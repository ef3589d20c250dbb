import Foundation

/// Open Badge Factory's API as the kiosk uses it: token, badge list, issue, event look-up.
extension SimulatorResponder {
    /// The documented issue body.
    struct OBFIssue: Decodable {
        var recipient: [String]
        var issued_on: Int64
        var api_consumer_id: String
        var log_entry: [String: String]
        var send_email: Int
    }

    func obfToken(_ exchange: SimulatorExchange) {
        guard let form = form(exchange.request) else {
            return exchange.json(400, ["error": "invalid_request", "error_description": "send the form url-encoded"])
        }
        guard Set(form.names) == ["grant_type", "client_id", "client_secret"], form.names.count == 3 else {
            return exchange.json(400, ["error": "invalid_request", "error_description": "expected grant_type, client_id, client_secret"])
        }
        guard form["grant_type"] == "client_credentials" else {
            return exchange.json(400, ["error": "unsupported_grant_type"])
        }
        guard form["client_id"] == configuration.clientID, form["client_secret"] == configuration.clientSecret else {
            return exchange.json(401, ["error": "invalid_client"])
        }
        exchange.json(200, ["access_token": state.newToken(), "token_type": "bearer",
                            "expires_in": Int(configuration.tokenLifetime)])
    }

    func obfBadges(_ exchange: SimulatorExchange, client: String) {
        guard authorized(exchange.request) else { return exchange.json(401, ["error": "invalid_token"]) }
        guard client == configuration.clientID else { return exchange.json(404, ["error": "unknown client"]) }
        exchange.lines(configuration.catalogue.map {
            ["id": $0.id, "name": $0.name, "description": $0.description, "criteria_html": "<p>\($0.criteria)</p>"]
        })
    }

    func obfIssue(_ exchange: SimulatorExchange, client: String, badge id: String) {
        let request = exchange.request
        guard authorized(request) else { return exchange.json(401, ["error": "invalid_token"]) }
        guard client == configuration.clientID else { return exchange.json(404, ["error": "unknown client"]) }
        guard badge(id) != nil else { return exchange.json(404, ["error": "badge not found"]) }
        let body: OBFIssue
        switch self.body(request, as: OBFIssue.self,
                         keys: ["recipient", "issued_on", "api_consumer_id", "log_entry", "send_email"]) {
        case let .failure(refusal): return exchange.json(400, ["error": "invalid_request", "message": refusal.message])
        case let .success(decoded): body = decoded
        }
        let recipients = body.recipient.compactMap(Self.recipient)
        let problem: String? = if recipients.isEmpty || recipients.count != body.recipient.count {
            "recipient must be a list of \"Name <email>\""
        } else if body.issued_on < 946_684_800 {
            "issued_on must be a Unix time in seconds"
        } else if Double(body.issued_on) > state.now {
            "issued_on must not be in the future"
        } else if body.api_consumer_id.isEmpty {
            "api_consumer_id must not be empty"
        } else if ![0, 1].contains(body.send_email) {
            "send_email must be 0 or 1"
        } else {
            nil
        }
        if let problem { return exchange.json(400, ["error": "invalid_request", "message": problem]) }
        let state = state
        withFault(exchange) { answer in
            var last = ""
            for (name, email) in recipients {
                last = state.store { SimulatedAward(id: $0, badge: id, email: email, name: name, api: "obf",
                                                    claim: body.log_entry["claim"], issuedOn: String(body.issued_on)) }.id
            }
            answer?.send(201, [], contentType: "text/plain", headers: [("Location", "/v1/event/\(client)/\(last)")], fault: nil)
        }
    }

    func obfEvents(_ exchange: SimulatorExchange, client: String) {
        let request = exchange.request
        guard authorized(request) else { return exchange.json(401, ["error": "invalid_token"]) }
        guard client == configuration.clientID else { return exchange.json(404, ["error": "unknown client"]) }
        let query = FormFields(request.query ?? "")
        if let unknown = Set(query.names).subtracting(["badge_id", "email", "api_consumer_id"]).first {
            return exchange.json(400, ["error": "invalid_request", "message": "unknown parameter '\(unknown)'"])
        }
        let state = state
        withFault(exchange) { answer in
            let found: [SimulatedAward]
            if let badge = query["badge_id"], let email = query["email"] {
                found = state.awards(api: "obf", badge: badge, email: email)
            } else {
                let email = query["email"]?.lowercased()
                found = state.awards { award in
                    award.api == "obf" && query["badge_id"].map { $0 == award.badge } ?? true
                        && email.map { $0 == award.email.lowercased() } ?? true
                }
            }
            answer?.lines(found.map { award in
                ["id": award.id, "badge_id": award.badge, "recipient": ["\(award.name) <\(award.email)>"],
                 "issued_on": Int64(award.issuedOn) ?? 0, "api_consumer_id": query["api_consumer_id"] ?? "badgekiosk",
                 "log_entry": award.claim.map { ["claim": $0] } ?? [:]] as [String: Any]
            })
        }
    }

    /// `Name <email>` → (name, email); nil when it is not that shape.
    static func recipient(_ text: String) -> (String, String)? {
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, email.contains("@"), !email.contains(" ") else { return nil }
        return (name, email)
    }
}
