import HTTPCore
import KioskAPI
import KioskCore
import KioskStore

/// Reports for funders over the API (docs/ARCHITECTURE.md §4.9): the same figures `badgekiosk report` prints.
extension KioskService {
    /// `GET /api/v1/reports?by=session|programme|month&from=YYYY-MM-DD&to=YYYY-MM-DD` (staff): claims
    /// counted per session (the default), programme or month, over the days given in the kiosk's time
    /// zone (`to` included), every session when neither is given.
    func report(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        let query = try Self.queryFields(request.query, names: ["by", "from", "to"],
                                         refusal: "A report takes `by`, `from` and `to`, and nothing else.")
        let grouping: ReportGrouping
        if let by = query["by"] {
            guard let chosen = by.flatMap(ReportGrouping.init(rawValue:)) else {
                throw APIError(.badRequest, "by_invalid", "`by` takes `session`, `programme` or `month`.")
            }
            grouping = chosen
        } else {
            grouping = .session
        }
        let period: ReportPeriod
        do {
            // A value that is not UTF-8 text is as wrong as a misspelt day: "" is refused by the same check.
            period = try ReportPeriod(from: query["from"].map { $0 ?? "" }, to: query["to"].map { $0 ?? "" })
        } catch {
            throw APIError(error)
        }
        let reply = try read { try ReportReply.read(from: store, by: grouping, period: period) }
        return JSON.response(.ok, reply)
    }

    /// The query's fields among `names` (a value nil when it is not UTF-8 text); the first of each
    /// counts. Any other name is refused with `refusal`, so a misspelt `form=` is said, not silently ignored.
    static func queryFields(_ query: String?, names: Set<String>, refusal: String) throws(APIError) -> [String: String?] {
        var values: [String: String?] = [:]
        for pair in FormEncoding.pairs(Array((query ?? "").utf8)) {
            guard let name = pair.name, names.contains(name) else {
                throw APIError(.badRequest, "unknown_parameter", refusal)
            }
            if values[name] == nil { values[name] = .some(pair.value) }
        }
        return values
    }
}
