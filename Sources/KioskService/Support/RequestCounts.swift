/// Answered requests counted by status code, for `GET /metrics`.
///
/// A plain value: the server's per-request callback records into it under the service's lock, and
/// `/metrics` reads a copy. Counts only grow, as Prometheus expects of a counter, until the
/// process ends.
public struct RequestCounts: Sendable, Equatable {
    /// How many requests were answered with each status code.
    public private(set) var byCode: [Int: Int] = [:]

    public init() {}

    /// Counts one answered request.
    public mutating func record(status: Int) {
        byCode[status, default: 0] += 1
    }
}
