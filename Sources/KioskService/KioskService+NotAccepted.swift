import HTTPCore
import KioskAPI
import KioskCore

/// Awards not accepted after some days, for staff to follow up (docs/ARCHITECTURE.md §4.9).
extension KioskService {
    /// `GET /api/v1/awards/not-accepted?days=N` (staff): sent awards not accepted N days (1 to 365,
    /// default 7) or more after sending, the most recently sent first, and what the issuer allows.
    func notAccepted(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        let query = try Self.queryFields(request.query, names: ["days"], refusal: "This list takes `days`, and nothing else.")
        var days = NotAcceptedReply.defaultDays
        if let given = query["days"] {
            guard let number = given.flatMap({ Int($0) }), NotAcceptedReply.dayRange.contains(number) else {
                throw APIError(.badRequest, "days_invalid", "`days` takes a whole number of days from 1 to 365.")
            }
            days = number
        }
        let reply = try read {
            try NotAcceptedReply.read(from: store, days: days, issuer: configuration.issuer, now: .now())
        }
        return JSON.response(.ok, reply)
    }
}
