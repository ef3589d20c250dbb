import Foundation

/// badgr-server's v2 API as the kiosk uses it: token, badge classes, assertions, with wrapped answers.
extension SimulatorResponder {
    /// The documented assertion body.
    struct BadgrAssertion: Decodable {
        struct Recipient: Decodable {
            var identity: String
            var type: String
            var hashed: Bool
        }

        var recipient: Recipient
        var issuedOn: String
        var notify: Bool
        var allowDuplicateAwards: Bool
    }

    static let duplicateMessage = "A previous award of this badge already exists for this recipient."

    func badgrToken(_ exchange: SimulatorExchange) {
        guard let form = form(exchange.request) else {
            return exchange.json(400, ["error": "invalid_request", "error_description": "send the form url-encoded"])
        }
        guard form["scope"]?.split(separator: " ").contains("rw:issuer") == true else {
            return exchange.json(400, ["error": "invalid_scope"])
        }
        // badgr-server's own refusals: an unknown application is a 400 naming the client id, a wrong
        // secret 401 invalid_client, a wrong user name or password 400 invalid_grant.
        switch form["grant_type"] {
        case "client_credentials":
            guard form["client_id"] == configuration.clientID else {
                return exchange.json(400, ["error": "invalid client_id"])
            }
            guard form["client_secret"] == configuration.clientSecret else {
                return exchange.json(401, ["error": "invalid_client"])
            }
        case "password":
            guard form["client_id"] == "public" else { return exchange.json(400, ["error": "invalid client_id"]) }
            guard form["username"] == configuration.clientID, form["password"] == configuration.clientSecret else {
                return exchange.json(400, ["error": "invalid_grant"])
            }
        default:
            return exchange.json(400, ["error": "unsupported_grant_type"])
        }
        exchange.json(200, ["access_token": state.newToken(), "token_type": "Bearer", "scope": "rw:issuer",
                            "expires_in": Int(configuration.tokenLifetime)])
    }

    func badgrClasses(_ exchange: SimulatorExchange) {
        guard authorized(exchange.request) else { return unauthorized(exchange) }
        exchange.json(200, Self.wrapped(true, "ok", configuration.catalogue.map {
            ["entityId": $0.id, "entityType": "BadgeClass", "name": $0.name, "description": $0.description,
             "criteriaNarrative": $0.criteria]
        }))
    }

    func badgrIssue(_ exchange: SimulatorExchange, badge id: String) {
        let request = exchange.request
        guard authorized(request) else { return unauthorized(exchange) }
        guard badge(id) != nil else { return exchange.json(404, Self.wrapped(false, "BadgeClass not found", [])) }
        let body: BadgrAssertion
        switch self.body(request, as: BadgrAssertion.self, keys: ["recipient", "issuedOn", "notify", "allowDuplicateAwards"]) {
        case let .failure(refusal): return invalid(exchange, refusal.message)
        case let .success(decoded): body = decoded
        }
        guard body.recipient.type == "email", body.recipient.identity.contains("@"),
              !body.recipient.identity.contains(" ") else {
            return invalid(exchange, "recipient must be {identity: email, type: \"email\", hashed: bool}")
        }
        guard let issuedOn = ISO8601DateFormatter().date(from: body.issuedOn) else {
            return invalid(exchange, "issuedOn must be an ISO-8601 date and time")
        }
        guard issuedOn.timeIntervalSince1970 <= state.now else {
            var refusal = Self.wrapped(false, "Could not award this badge.", [])
            refusal["fieldErrors"] = ["issuedOn": ["Only issuedOn dates in the past are acceptable."]]
            refusal["validationErrors"] = [String]()
            return exchange.json(400, refusal)
        }
        let state = state
        withFault(exchange) { answer in
            let make = { (entity: String) in
                SimulatedAward(id: entity, badge: id, email: body.recipient.identity, name: "", api: "badgr",
                               claim: nil, issuedOn: body.issuedOn)
            }
            // badgr-server compares recipients exactly as written, so only an identical identity is a repeat.
            let stored = body.allowDuplicateAwards
                ? state.store(make)
                : state.storeUnlessPresent(api: "badgr", badge: id, email: body.recipient.identity, make)
            guard let stored else {
                var refusal = Self.wrapped(false, "Could not award this badge.", [])
                refusal["validationErrors"] = [Self.duplicateMessage]
                refusal["fieldErrors"] = [String: Any]()
                answer?.json(400, refusal)
                return
            }
            answer?.json(201, Self.wrapped(true, "ok", [Self.assertion(stored)]))
        }
    }

    func badgrAssertions(_ exchange: SimulatorExchange, badge id: String) {
        guard authorized(exchange.request) else { return unauthorized(exchange) }
        guard badge(id) != nil else { return exchange.json(404, Self.wrapped(false, "BadgeClass not found", [])) }
        let query = FormFields(exchange.request.query ?? "")
        if let unknown = Set(query.names).subtracting(["recipient", "num", "include_revoked", "include_expired"]).first {
            return invalid(exchange, "unknown parameter '\(unknown)'")
        }
        let state = state
        withFault(exchange) { answer in
            let found = query["recipient"].map { recipient in
                state.awards(api: "badgr", badge: id, email: recipient).filter { $0.email == recipient }
            } ?? state.awards { $0.api == "badgr" && $0.badge == id }
            answer?.json(200, Self.wrapped(true, "ok", found.map(Self.assertion)))
        }
    }

    private func unauthorized(_ exchange: SimulatorExchange) {
        exchange.json(401, ["detail": "Authentication credentials were not provided."])
    }

    private func invalid(_ exchange: SimulatorExchange, _ message: String) {
        var refusal = Self.wrapped(false, "Invalid request", [])
        refusal["validationErrors"] = [message]
        refusal["fieldErrors"] = [String: Any]()
        exchange.json(400, refusal)
    }

    static func assertion(_ award: SimulatedAward) -> [String: Any] {
        ["entityId": award.id, "entityType": "Assertion", "badgeclass": award.badge, "revoked": false,
         "recipient": ["identity": award.email, "type": "email", "hashed": true], "issuedOn": award.issuedOn]
    }

    static func wrapped(_ success: Bool, _ description: String, _ result: [[String: Any]]) -> [String: Any] {
        ["status": ["success": success, "description": description], "result": result]
    }
}
