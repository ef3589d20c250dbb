import Foundation
import HTTPCore
import HTTPKit
import KioskCore
import Posix

/// How long the summaries read often take to answer: the outbox (front, doctor), `/metrics`
/// (scraped every few seconds), the sessions list with their counts (the front's attract screen)
/// and this month's report.
struct SummaryTimings {
    /// Reads of each summary; the median and the slowest are printed.
    static let rounds = 20

    var lines: [String]

    static func measure(port: Int, staffToken: String, now: Timestamp = .now()) throws -> SummaryTimings {
        let client = try HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        let headers = HTTPHeaders([("Authorization", "Bearer \(staffToken)")])
        let reads = [
            "/api/v1/outbox", "/metrics", "/api/v1/sessions",
            "/api/v1/reports?by=month&from=\(ReportPeriod.firstDayOfMonth(of: now))&to=\(ReportPeriod.day(of: now))",
        ]
        var lines: [String] = []
        for path in reads {
            var samples: [UInt64] = []
            for _ in 0..<rounds {
                let sent = MonotonicClock.nanoseconds()
                let response = try client.send(method: "GET", path: path, headers: headers)
                samples.append(MonotonicClock.nanoseconds() - sent)
                guard response.status == 200 else {
                    throw RuntimeError("GET \(path) answered HTTP \(response.status)")
                }
            }
            let stats = LatencyStats(nanoseconds: samples)
            lines.append("  GET \(path): \(String(format: "%.2f", stats.p50)) / \(String(format: "%.2f", stats.max)) ms")
        }
        return SummaryTimings(lines: lines)
    }
}
