import Foundation
import HTTPCore

/// Acceptance as the simulator plays it: every award is pending until a test or the demo marks it
/// (`POST /_sim/accept`), and OBF's event assertions report it, with the same faults as any look-up.
extension SimulatorResponder {
    /// The control's body: the award's id or its learner's email, and the status (accepted unless given).
    struct AcceptControl: Decodable {
        var id: String?
        var email: String?
        var status: String?
    }

    /// `POST /_sim/accept` with `{"id": "E000001"}` or `{"email": "…"}` (and optionally `"status"`:
    /// `accepted`, `revoked` or `pending`): marks the award, or every award to that email, as the
    /// learner's answer would. Answers `{"changed": N}`, or 404 when no award matched.
    func markAccepted(_ exchange: SimulatorExchange) {
        let control: AcceptControl
        switch body(exchange.request, as: AcceptControl.self, keys: ["id", "email", "status"],
                    optional: ["id", "email", "status"]) {
        case let .failure(refusal): return exchange.json(400, ["error": "invalid_request", "message": refusal.message])
        case let .success(decoded): control = decoded
        }
        guard (control.id == nil) != (control.email == nil) else {
            return exchange.json(400, ["error": "invalid_request", "message": "give exactly one of id and email"])
        }
        guard let status = SimulatedAward.Status(rawValue: control.status ?? "accepted") else {
            return exchange.json(400, ["error": "invalid_request", "message": "status must be accepted, revoked or pending"])
        }
        let changed = state.mark(status, id: control.id, email: control.email, at: state.now)
        guard changed > 0 else { return exchange.json(404, ["error": "not_found", "message": "no award matched"]) }
        exchange.json(200, ["changed": changed])
    }

    /// OBF's event assertions: one per recipient of the event, `email` and `status` (`pending`,
    /// `accepted` with `accepted_on` in Unix seconds, `revoked`), one JSON object per line.
    func obfAssertions(_ exchange: SimulatorExchange, client: String, event: String) {
        let request = exchange.request
        guard authorized(request) else { return exchange.json(401, ["error": "invalid_token"]) }
        guard client == configuration.clientID else { return exchange.json(404, ["error": "unknown client"]) }
        if let unknown = FormFields(request.query ?? "").names.first {
            return exchange.json(400, ["error": "invalid_request", "message": "unknown parameter '\(unknown)'"])
        }
        guard state.award(api: "obf", id: event) != nil else { return exchange.json(404, ["error": "event not found"]) }
        let state = state
        withFault(exchange) { answer in
            guard let answer, let award = state.award(api: "obf", id: event) else { return }
            var assertion: [String: Any] = ["id": "A" + award.id, "event_id": award.id, "email": award.email,
                                            "status": award.status.rawValue]
            if award.status == .accepted, let at = award.statusChangedAt { assertion["accepted_on"] = Int64(at) }
            answer.lines([assertion])
        }
    }
}
