import Foundation
import HTTPCore
import HTTPKit
import KioskAPI
import Posix

/// What one benchmark sends: the request for a given sequence number, and the statuses that count as success.
protocol LoadRequests: Sendable {
    func request(_ sequence: Int) -> (method: String, path: String, headers: HTTPHeaders, body: [UInt8])
    func succeeded(_ status: Int) -> Bool
}

/// Claims with fresh emails, spread over codes so that none fills up.
///
/// Sent with the staff token, as the kiosk's front sends them: from one address, phones would
/// meet the per-address share of new claims long before the store's limits.
struct ClaimRequests: LoadRequests {
    let codes: [String]
    let claimsPerCode: Int
    let staffToken: String

    func request(_ sequence: Int) -> (method: String, path: String, headers: HTTPHeaders, body: [UInt8]) {
        let code = codes[min(codes.count - 1, sequence / claimsPerCode)]
        let body = ClaimRequest(code: code, name: "Learner \(sequence)", email: email(sequence), consent: true)
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Authorization", "Bearer \(staffToken)")])
        return ("POST", "/api/v1/claims", headers, (try? KioskAPI.encode(body)) ?? [])
    }

    func succeeded(_ status: Int) -> Bool { status == 201 }

    /// The learner's email in claim `sequence` (each claim has its own learner).
    func email(_ sequence: Int) -> String {
        "learner\(sequence)@bench.example"
    }
}

/// `GET /healthz`, the cheapest request the service answers.
struct HealthRequests: LoadRequests {
    func request(_ sequence: Int) -> (method: String, path: String, headers: HTTPHeaders, body: [UInt8]) {
        ("GET", "/healthz", HTTPHeaders(), [])
    }

    func succeeded(_ status: Int) -> Bool { status == 200 }
}

/// Drives a server from many keep-alive connections, one thread each, for a fixed time.
struct LoadRun {
    let port: Int
    let connections: Int
    let seconds: Int
    let request: any LoadRequests

    /// What a run measured.
    struct Result {
        var succeeded: Int
        var failed: Int
        var elapsed: Double
        var latency: LatencyStats

        func report(name: String, peakRSS: String) -> String {
            let rate = Double(succeeded) / elapsed
            return """
            \(name): \(succeeded) ok, \(failed) failed in \(String(format: "%.2f", elapsed)) s \
            = \(String(format: "%.0f", rate))/s
            latency: p50 \(String(format: "%.2f", latency.p50)) ms, p99 \(String(format: "%.2f", latency.p99)) ms, \
            max \(String(format: "%.2f", latency.max)) ms
            server peak RSS: \(peakRSS)
            """
        }
    }

    /// Connection `index`'s own loopback address, as each phone on the venue network has its own,
    /// so the service's cap per address meets the load as it would there.
    static func phoneAddress(_ index: Int) -> String {
        "127.0.\(index / 250 + 1).\(index % 250 + 2)"
    }

    func run() throws -> Result {
        let sequence = Locked(0)
        let outcomes = Locked<(latencies: [UInt64], succeeded: Int, failed: Int, error: String?)>(([], 0, 0, nil))
        let start = MonotonicClock.nanoseconds()
        let deadline = start + UInt64(seconds) * 1_000_000_000
        let group = DispatchGroup()
        for index in 0..<connections {
            group.enter()
            let thread = Thread { [request, port] in
                defer { group.leave() }
                var latencies: [UInt64] = []
                latencies.reserveCapacity(100_000)
                var succeeded = 0
                var failed = 0
                var failure: String?
                do {
                    let client = try HTTPClient(host: "127.0.0.1", port: port, sourceAddress: Self.phoneAddress(index))
                    defer { client.close() }
                    while MonotonicClock.nanoseconds() < deadline {
                        let number = sequence.withLock { value in
                            defer { value += 1 }
                            return value
                        }
                        let next = request.request(number)
                        let sent = MonotonicClock.nanoseconds()
                        let response = try client.send(method: next.method, path: next.path, headers: next.headers, body: next.body)
                        latencies.append(MonotonicClock.nanoseconds() - sent)
                        if request.succeeded(response.status) { succeeded += 1 } else { failed += 1 }
                    }
                } catch {
                    failure = "\(error)"
                }
                outcomes.withLock {
                    $0.latencies += latencies
                    $0.succeeded += succeeded
                    $0.failed += failed
                    if $0.error == nil { $0.error = failure }
                }
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        group.wait()
        let elapsed = Double(MonotonicClock.nanoseconds() - start) / 1e9
        let totals = outcomes.withLock { $0 }
        if let error = totals.error, totals.succeeded == 0 { throw RuntimeError("the load run failed: \(error)") }
        return Result(succeeded: totals.succeeded, failed: totals.failed, elapsed: elapsed,
                      latency: LatencyStats(nanoseconds: totals.latencies))
    }
}
