import Foundation
import HTTPCore
import HTTPKit
import KioskStore
import Posix
import Testing
import TestSupport
@testable import KioskService

@Suite("GET /metrics for Prometheus")
struct MetricsTests {
    /// Every family `/metrics` writes, so the dashboard and alerts can be checked against it.
    static let families = [
        "badgekiosk_build_info", "badgekiosk_uptime_seconds", "badgekiosk_claims_total", "badgekiosk_awards",
        "badgekiosk_oldest_queued_award_age_seconds", "badgekiosk_http_requests_total", "badgekiosk_storage_failing",
        "badgekiosk_forwarder_paused", "badgekiosk_event_subscribers", "badgekiosk_state_disk_free_bytes",
        "badgekiosk_store_commits_total", "badgekiosk_store_write_jobs_total",
    ]

    /// Reads `text` strictly, and with promtool when installed (CI installs it), expecting no problem.
    static func checkFormat(_ text: String) throws -> ExpositionCheck {
        let check = ExpositionCheck(text)
        #expect(check.problems == [])
        if let promtool = try ExpositionCheck.promtool(text) {
            #expect(promtool.status == 0, "promtool check metrics: \(promtool.output)")
            #expect(promtool.output.isEmpty, "promtool check metrics: \(promtool.output)")
        }
        return check
    }

    @Test("this machine gets the numbers in Prometheus's text format, claims and awards counted from the store")
    func loopbackGetsMetrics() throws {
        let kiosk = try TestKiosk()
        let code = try kiosk.endedSession(badges: ["intro-day-1", "intro-day-2"])
        #expect(try kiosk.claim(code: code.short).status == 201)
        let reply = try kiosk.request("GET", "/metrics")
        #expect(reply.status == 200)
        #expect(reply.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        let check = try Self.checkFormat(reply.text)
        #expect(Set(check.types.keys) == Set(Self.families))
        #expect(check.samples["badgekiosk_claims_total"] == 1)
        #expect(check.samples[#"badgekiosk_awards{state="queued"}"#] == 2)
        for state in ["sending", "sent", "failed", "unsure"] {
            #expect(check.samples["badgekiosk_awards{state=\"\(state)\"}"] == 0)
        }
        #expect(check.samples[#"badgekiosk_build_info{version="unknown",commit="unknown"}"#] == 1)
        #expect(check.samples["badgekiosk_storage_failing"] == 0)
        #expect(check.samples["badgekiosk_forwarder_paused"] == 0)
        #expect(check.samples["badgekiosk_event_subscribers"] == 0)
        #expect((check.samples["badgekiosk_oldest_queued_award_age_seconds"] ?? -1) >= 0)
        #expect((check.samples["badgekiosk_state_disk_free_bytes"] ?? 0) > 0)
        #expect(check.types["badgekiosk_claims_total"] == "counter")
        #expect(check.types["badgekiosk_awards"] == "gauge")
    }

    @Test("another address needs the staff token, as every staff route does")
    func otherAddressesNeedTheToken() throws {
        let kiosk = try TestKiosk()
        let phone = try kiosk.rig.request(.get, "/metrics", from: "192.168.1.50")
        #expect(phone.status.code == 401)
        #expect(Reply(phone).errorCode == "unauthorized")
        #expect(!String(decoding: phone.body, as: UTF8.self).contains("badgekiosk_"))
        let admin = try kiosk.rig.request(.get, "/metrics", staff: true, from: "192.168.1.50")
        #expect(admin.status.code == 200)
        _ = try Self.checkFormat(String(decoding: admin.body, as: UTF8.self))
        #expect(try kiosk.rig.request(.post, "/metrics").status.code == 405)
    }

    @Test("label values and help text are escaped, so no value can break a line or a label",
          arguments: [("plain", "plain"), ("a\"b", "a\\\"b"), ("back\\slash", "back\\\\slash"), ("two\nlines", "two\\nlines"),
                      ("crlf\r\n", "crlf\r\\n")])
    func labelsAreEscaped(value: String, escaped: String) throws {
        #expect(MetricsText.escapeLabel(value) == escaped)
        var text = MetricsText()
        text.add("badgekiosk_test_info", .gauge, help: "Help with \\ and \n in it.",
                 [.init(labels: [("version", value), ("commit", "c")], value: 1)])
        let check = try Self.checkFormat(text.text)
        #expect(check.samples["badgekiosk_test_info{version=\"\(escaped)\",commit=\"c\"}"] == 1)
        #expect(text.text.hasPrefix("# HELP badgekiosk_test_info Help with \\\\ and \\n in it.\n"))
    }

    @Test("values are written as Prometheus reads them", arguments: [
        (0.0, "0"), (12.0, "12"), (1.5, "1.5"), (-3.0, "-3"), (Double.nan, "NaN"), (Double.infinity, "+Inf"),
        (-Double.infinity, "-Inf"), (1e20, "1e+20"),
    ])
    func valuesAreFormatted(value: Double, text: String) {
        #expect(MetricsText.format(value) == text)
    }

    @Test("the loopback rule goes by the peer's address", arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("::1", true), ("::ffff:127.0.0.1", true), ("::FFFF:127.0.0.2", true),
        ("192.168.1.50", false), ("10.0.0.1", false), ("::ffff:192.168.1.5", false), ("fe80::1", false), ("", false),
        ("127.0.0", false), ("127.0.0.1.5", false), ("127.0.0.256", false), ("1127.0.0.1", false),
    ])
    func loopbackRule(address: String, loopback: Bool) {
        #expect(KioskService.isLoopback(address) == loopback)
    }

    @Test("requests are counted by status code")
    func requestCounts() {
        var counts = RequestCounts()
        #expect(counts.byCode.isEmpty)
        for status in [200, 200, 201, 404, 503, 500, 503] { counts.record(status: status) }
        #expect(counts.byCode == [200: 2, 201: 1, 404: 1, 500: 1, 503: 2])
    }

    @Test("a real service counts every answered request from the server's callback, and serves loopback peers by their address")
    func realServiceOverLoopback() throws {
        var configuration = ServiceConfiguration()
        configuration.stateDirectory = try TestFolder.make() + "/state"
        configuration.listenHost = "0.0.0.0"
        configuration.listenPort = 0
        let host = try ServiceHost(configuration: configuration, build: BuildInfo(version: "9.8.7", commit: "abc1234")) { _ in }
        defer { host.stop(grace: 0) }
        let get = { (path: String, address: String) throws -> HTTPClientResponse in
            let client = try HTTPClient(host: address, port: host.port, timeout: 10)
            defer { client.close() }
            return try client.send(method: "GET", path: path)
        }
        #expect(try get("/healthz", "127.0.0.1").status == 200)
        #expect(try get("/no-such-page", "127.0.0.1").status == 404)
        // The callback runs as each answer is handed over: wait until both are counted.
        var check = ExpositionCheck("")
        for _ in 0..<200 {
            let reply = try get("/metrics", "127.0.0.1")
            #expect(reply.status == 200)
            check = try Self.checkFormat(String(decoding: reply.body, as: UTF8.self))
            if check.samples[#"badgekiosk_http_requests_total{code="404"}"#] == 1,
               (check.samples[#"badgekiosk_http_requests_total{code="200"}"#] ?? 0) >= 1 { break }
        }
        #expect(check.samples[#"badgekiosk_http_requests_total{code="404"}"#] == 1)
        #expect((check.samples[#"badgekiosk_http_requests_total{code="200"}"#] ?? 0) >= 1)
        #expect(check.samples[#"badgekiosk_build_info{version="9.8.7",commit="abc1234"}"#] == 1)
        // This machine's address on a network is not loopback: without the token, no numbers.
        if let address = NetworkInterfaces.currentIPv4() {
            #expect(try get("/metrics", address).status == 401)
        }
    }
}
