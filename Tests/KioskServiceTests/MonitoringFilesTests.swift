import Foundation
import TestSupport
import Testing

@Suite("kiosk/grafana-dashboard.json and kiosk/prometheus-alerts.yml")
struct MonitoringFilesTests {
    static let kioskFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("kiosk")

    /// Every `badgekiosk_…` name in `text`.
    static func metricNames(in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "badgekiosk_[a-z_]+")
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) })
    }

    @Test("the dashboard is JSON, and its panels query only metrics /metrics writes")
    func dashboard() throws {
        let data = try Data(contentsOf: Self.kioskFolder.appendingPathComponent("grafana-dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let expressions = panels.flatMap { ($0["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String } }
        #expect(expressions.count >= 8)
        let used = expressions.reduce(into: Set<String>()) { $0.formUnion(Self.metricNames(in: $1)) }
        #expect(used.subtracting(MetricsTests.families).isEmpty, "unknown metrics: \(used.subtracting(MetricsTests.families))")
        for wanted in ["badgekiosk_claims_total", "badgekiosk_awards", "badgekiosk_oldest_queued_award_age_seconds",
                       "badgekiosk_http_requests_total", "badgekiosk_uptime_seconds"] {
            #expect(used.contains(wanted))
        }
        #expect(expressions.contains { $0.contains("up{") })
    }

    @Test("the alert rules use only metrics /metrics writes, and promtool accepts them")
    func alerts() throws {
        let path = Self.kioskFolder.appendingPathComponent("prometheus-alerts.yml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let used = Self.metricNames(in: text)
        #expect(used.subtracting(MetricsTests.families).isEmpty, "unknown metrics: \(used.subtracting(MetricsTests.families))")
        #expect(used.isSuperset(of: ["badgekiosk_oldest_queued_award_age_seconds", "badgekiosk_awards",
                                     "badgekiosk_state_disk_free_bytes"]))
        guard let promtool = ExpositionCheck.promtoolPath else { return }
        let ran = try BuiltBinary.runTool(promtool, ["check", "rules", path])
        let said = ran.out + ran.err
        #expect(ran.status == 0, "promtool check rules: \(said)")
        #expect(said.contains("SUCCESS"))
    }
}
