import Foundation
import HTTPCore
import KioskCore
import KioskStore
import Posix

/// `GET /metrics` for Prometheus: cheap numbers about claims, the outbox, requests and the machine.
extension KioskService {
    /// Counts one answered request: the HTTP server's per-request callback calls this.
    public func countRequest(status: Int) {
        requests.withLock { $0.record(status: status) }
    }

    /// Answers to this machine (a Prometheus or node agent running beside the service) or to staff:
    /// the numbers hold nothing personal, but a phone on the venue Wi-Fi has no need of them.
    func metrics(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        guard Self.isLoopback(request.remoteAddress) || isStaff(request) else { throw .unauthorized }
        let headers = HTTPHeaders([("Content-Type", MetricsText.contentType), ("Cache-Control", "no-store")])
        writer.send(HTTPResponse(status: .ok, headers: headers, body: Array(metricsSnapshot().exposition.utf8)))
    }

    /// Whether a peer address is this machine's own: 127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6.
    static func isLoopback(_ address: String) -> Bool {
        let lowered = address.lowercased()
        let v4 = lowered.hasPrefix("::ffff:") ? String(lowered.dropFirst(7)) : lowered
        if lowered == "::1" { return true }
        let parts = v4.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The numbers as they stand now. A failed database read leaves the store's numbers out (and
    /// shows in `badgekiosk_storage_failing`) rather than failing the whole scrape.
    func metricsSnapshot() -> MetricsSnapshot {
        let store = try? read { try self.store.metrics() }
        let paused = forwarding.withLock { $0 }?.status.pausedUntil != nil
        let free = try? FileManager.default.attributesOfFileSystem(forPath: configuration.stateDirectory)[.systemFreeSize]
        return MetricsSnapshot(
            build: build, store: store, writer: self.store.writerStats, now: .now(),
            uptimeSeconds: Double(MonotonicClock.nanoseconds() - startedAt) / 1e9,
            requests: requests.withLock { $0 }, storageFailing: self.store.storageFault != nil,
            forwarderPaused: paused, eventSubscribers: events.subscriberCount,
            stateDiskFreeBytes: (free as? NSNumber)?.int64Value)
    }
}
