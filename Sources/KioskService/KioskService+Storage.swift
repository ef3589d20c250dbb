import HTTPCore
import KioskAPI
import KioskStore

/// The store's failures as the service reports them: each 503 logged with its cause, and `/healthz`.
extension KioskService {
    static let healthy = JSON.response(.ok, HealthReply())

    /// The 503 for a store failure, after logging what failed and why. Store errors name tables,
    /// codes and SQLite's words, never a learner's details, so the cause can be logged whole.
    func storeFailed(_ error: any Error, doing what: String) -> APIError {
        let fault = store.storageFault.map { " \($0)" } ?? ""
        log("storage: could not \(what): \(error)\(fault)")
        return .storeFailed
    }

    /// `GET /healthz`: 200 while the store can use its disk; 503 with the problem in plain words after
    /// a write failed for want of space, an I/O error or damage, until a write succeeds again. While
    /// a fault stands each check tries a small write of its own, so it clears once the disk recovers.
    func healthCheck(_ writer: any HTTPResponseWriter) {
        guard let fault = store.storageFault else { return writer.send(Self.healthy) }
        guard fault.kind != .damaged else { return writer.send(JSON.response(Self.storageFailing(fault))) }
        store.checkStorage { left in
            writer.send(left.map { JSON.response(Self.storageFailing($0)) } ?? Self.healthy)
        }
    }

    static func storageFailing(_ fault: StorageFault) -> APIError {
        APIError(.serviceUnavailable, "storage_failing", fault.description)
    }
}
