import KioskCore
import KioskStore

/// Everything `GET /metrics` reports, gathered at one moment, and its text for Prometheus.
///
/// Names start `badgekiosk_`, use base units (seconds, bytes) and end `_total` for counters.
struct MetricsSnapshot {
    var build: BuildInfo
    /// Nil when the database could not be read: the store's families are then left out.
    var store: StoreMetrics?
    /// How the store's writes have shared commits since it opened.
    var writer: WriterStats
    var now: Timestamp
    var uptimeSeconds: Double
    var requests: RequestCounts
    var storageFailing: Bool
    var forwarderPaused: Bool
    var eventSubscribers: Int
    /// Nil when the file system would not say.
    var stateDiskFreeBytes: Int64?

    /// The exposition text, families in a fixed order and samples sorted, so scrapes compare line by line.
    var exposition: String {
        var text = MetricsText()
        text.add("badgekiosk_build_info", .gauge, help: "The running build: always 1, with its version and commit as labels.",
                 [.init(labels: [("version", build.version), ("commit", build.commit)], value: 1)])
        text.add("badgekiosk_uptime_seconds", .gauge, help: "Seconds since the service started.", value: uptimeSeconds.rounded())
        if let store {
            text.add("badgekiosk_claims_total", .counter, help: "Claims stored since the database was made.",
                     value: Double(store.claims))
            text.add("badgekiosk_awards", .gauge, help: "Awards by state: queued, sending, sent, failed (refused), unsure, waiting (for an email) or lapsed.",
                     Award.State.allCases.map { .init(labels: [("state", $0.rawValue)], value: Double(store.awards[$0] ?? 0)) })
            let age = store.oldestQueuedAt.map { max(0, Double(now.milliseconds - $0.milliseconds) / 1000) } ?? 0
            text.add("badgekiosk_oldest_queued_award_age_seconds", .gauge,
                     help: "Seconds the longest-waiting queued award has waited; 0 when none is queued.", value: age.rounded())
        }
        text.add("badgekiosk_store_commits_total", .counter,
                 help: "Transactions the store has committed since the service started, one disk sync each.",
                 value: Double(writer.commits))
        text.add("badgekiosk_store_write_jobs_total", .counter,
                 help: "Writes (a claim, an award's news) the store has run since the service started; many share one commit under load.",
                 value: Double(writer.jobs))
        text.add("badgekiosk_http_requests_total", .counter, help: "HTTP requests answered since the start, by status code.",
                 requests.byCode.sorted { $0.key < $1.key }.map { .init(labels: [("code", String($0.key))], value: Double($0.value)) })
        text.add("badgekiosk_storage_failing", .gauge,
                 help: "1 while the disk takes no writes (full, an I/O error, a damaged database), else 0.",
                 value: storageFailing ? 1 : 0)
        text.add("badgekiosk_forwarder_paused", .gauge,
                 help: "1 while sending to the issuer is paused (the issuer asked to wait or cannot be reached), else 0.",
                 value: forwarderPaused ? 1 : 0)
        text.add("badgekiosk_event_subscribers", .gauge, help: "Open live event streams (the front and any displays).",
                 value: Double(eventSubscribers))
        text.add("badgekiosk_state_disk_free_bytes", .gauge,
                 help: "Bytes free for the service on the file system of its state folder.",
                 stateDiskFreeBytes.map { [.init(value: Double($0))] } ?? [])
        return text.text
    }
}
