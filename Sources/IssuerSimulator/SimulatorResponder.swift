import Foundation
import HTTPCore

/// Routes the simulator's requests to the OBF, Badgr and Navigatr handlers, with auth, shape checks and faults.
final class SimulatorResponder: HTTPResponder {
    let configuration: SimulatorConfiguration
    let state: SimulatorState

    init(configuration: SimulatorConfiguration, state: SimulatorState) {
        self.configuration = configuration
        self.state = state
    }

    func respond(to request: HTTPRequest, writer: any HTTPResponseWriter) {
        let exchange = SimulatorExchange(request: request, writer: writer, state: state, log: configuration.log)
        let path = request.path.split(separator: "/").map { FormEncoding.decodePathSegment($0) ?? String($0) }
        let method = request.method
        func match(_ verb: String, _ template: String) -> [String]? {
            Self.match(path, verb == method ? template : nil)
        }
        if match("GET", "_sim/awards") != nil {
            listAwards(exchange)
        } else if match("POST", "_sim/accept") != nil {
            markAccepted(exchange)
        } else if match("POST", "v1/client/oauth2/token") != nil {
            obfToken(exchange)
        } else if let found = match("GET", "v1/badge/*") {
            obfBadges(exchange, client: found[0])
        } else if let found = match("POST", "v1/badge/*/*") {
            obfIssue(exchange, client: found[0], badge: found[1])
        } else if let found = match("GET", "v1/event/*") {
            obfEvents(exchange, client: found[0])
        } else if let found = match("GET", "v1/event/*/*/assertion") {
            obfAssertions(exchange, client: found[0], event: found[1])
        } else if match("POST", "o/token") != nil {
            badgrToken(exchange)
        } else if match("GET", "v2/badgeclasses") != nil || match("GET", "v2/issuers/*/badgeclasses") != nil {
            badgrClasses(exchange)
        } else if let found = match("POST", "v2/badgeclasses/*/assertions") {
            badgrIssue(exchange, badge: found[0])
        } else if let found = match("GET", "v2/badgeclasses/*/assertions") {
            badgrAssertions(exchange, badge: found[0])
        } else if match("GET", "v1/badge") != nil {
            navigatrBadges(exchange)
        } else if let found = match("PUT", "v1/badge/*/issue") {
            navigatrIssue(exchange, badge: found[0])
        } else if let found = match("GET", "v1/issued/*") {
            navigatrIssued(exchange, id: found[0])
        } else {
            exchange.json(404, ["error": "not_found", "message": "no such address in the simulator"])
        }
    }

    /// The segments `*` stands for when `path` fits `template` (e.g. `v1/badge/*`); nil otherwise.
    static func match(_ path: [String], _ template: String?) -> [String]? {
        guard let template else { return nil }
        let parts = template.split(separator: "/").map(String.init)
        guard parts.count == path.count else { return nil }
        var captured: [String] = []
        for (part, segment) in zip(parts, path) {
            if part == "*" {
                captured.append(segment)
            } else if part != segment {
                return nil
            }
        }
        return captured
    }

    private func listAwards(_ exchange: SimulatorExchange) {
        let list = state.awards.map {
            ["badge": $0.badge, "email": $0.email, "name": $0.name, "api": $0.api, "id": $0.id, "status": $0.status.rawValue]
        }
        exchange.json(200, ["awards": list])
    }

    /// The bearer token of a request, if it is one the simulator handed out and it still works.
    func authorized(_ request: HTTPRequest) -> Bool {
        guard let header = request.headers["Authorization"], header.hasPrefix("Bearer ") else { return false }
        let lifetime = state.faults.tokenLifetime ?? configuration.tokenLifetime
        return state.accepts(String(header.dropFirst(7)), lifetime: lifetime)
    }

    func badge(_ id: String) -> SimulatedBadge? {
        configuration.catalogue.first { $0.id == id }
    }

    /// The form body of a token request, or nil when it is not form-encoded.
    func form(_ request: HTTPRequest) -> FormFields? {
        guard request.mediaType == "application/x-www-form-urlencoded",
              let text = String(validating: request.body, as: UTF8.self) else { return nil }
        return FormFields(text)
    }

    /// The JSON object body with exactly `keys` (`optional` may be missing), decoded as `T`; else the
    /// reason it was refused. Unknown keys are refused too: a drifted request must fail loudly here.
    func body<T: Decodable>(_ request: HTTPRequest, as type: T.Type, keys: Set<String>,
                            optional: Set<String> = []) -> Result<T, SimulatorRefusal> {
        guard request.mediaType == "application/json" else { return .failure(.init("the body must be application/json")) }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            return .failure(.init("the body must be a JSON object"))
        }
        let given = Set(object.keys)
        if let unknown = given.subtracting(keys).sorted().first { return .failure(.init("unexpected field '\(unknown)'")) }
        if let missing = keys.subtracting(optional).subtracting(given).sorted().first {
            return .failure(.init("missing field '\(missing)'"))
        }
        do {
            return .success(try JSONDecoder().decode(T.self, from: Data(request.body)))
        } catch DecodingError.typeMismatch(_, let context) {
            return .failure(.init("field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"))
        } catch {
            return .failure(.init("the body does not have the documented shape"))
        }
    }

    /// Answers the next drawn fault, or runs `perform` for a normal answer. `perform` stores the award
    /// (for issue requests) and answers; faults that let the issuer store it first call it without answering.
    func withFault(_ exchange: SimulatorExchange, perform: @escaping @Sendable (SimulatorExchange?) -> Void) {
        guard let fault = state.drawFault() else { return perform(exchange) }
        switch fault {
        case .dropReused where exchange.request.numberOnConnection < 2:
            perform(exchange)
        case .drop, .dropReused:
            perform(nil)
            exchange.reset(fault: fault)
        case let .status(code):
            if code >= 500, state.coin() { perform(nil) }
            exchange.json(code, ["error": code >= 500 ? "server_error" : "refused", "message": "simulated \(code)"], fault: fault)
        case .tooManyRequests:
            exchange.json(429, ["error": "rate_limited", "message": "slow down"],
                          headers: [("Retry-After", String(configuration.retryAfterSeconds))], fault: fault)
        case .timeout:
            perform(nil)
            exchange.hold(configuration.holdSeconds, fault: fault)
        case .reset:
            exchange.reset(fault: fault)
        case .slow:
            exchange.later(configuration.slowSeconds, fault: fault) { perform($0) }
        }
    }
}
