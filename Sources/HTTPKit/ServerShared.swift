import HTTPCore
import Posix

/// What every event loop of one server shares: settings, the responder, the log, who holds which connection places.
final class ServerShared: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let log: @Sendable (HTTPLogEntry) -> Void
    let headerTimeout: UInt64
    let idleTimeout: UInt64
    let requestTimeout: UInt64
    private let ledger: Locked<ConnectionLedger>

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, log: @escaping @Sendable (HTTPLogEntry) -> Void) {
        self.configuration = configuration
        self.responder = responder
        self.log = log
        headerTimeout = MonotonicClock.nanoseconds(seconds: configuration.headerTimeout)
        idleTimeout = MonotonicClock.nanoseconds(seconds: configuration.idleTimeout)
        requestTimeout = MonotonicClock.nanoseconds(seconds: configuration.requestTimeout)
        ledger = Locked(ConnectionLedger(
            maxConnections: configuration.maxConnections, maxPerAddress: configuration.maxConnectionsPerAddress,
            loops: max(1, configuration.eventLoops)))
    }

    /// Decides on a connection from `address` to be served on event loop `loop` (see `ConnectionLedger`).
    func admit(_ address: String, loop: Int) -> ConnectionLedger.Decision {
        ledger.withLock { $0.admit(address, loop: loop) }
    }

    func release(_ address: String, loop: Int) {
        ledger.withLock { $0.release(address, loop: loop) }
    }

    /// When a request that started at `start` and announced `bodyBytes` of body must be complete:
    /// the head's time plus the body's at the slowest rate allowed, and never past the request timeout.
    func requestDeadline(from start: UInt64, bodyBytes: Int) -> UInt64 {
        let bodyTime = MonotonicClock.nanoseconds(seconds: Double(bodyBytes) / Double(max(1, configuration.minimumBodyRate)))
        return start + min(requestTimeout, headerTimeout + bodyTime)
    }

    func report(_ context: RequestContext, status: Int, at time: UInt64) {
        let elapsed = time > context.receivedAt ? time - context.receivedAt : 0
        log(HTTPLogEntry(
            method: context.method, path: context.path, status: status,
            durationMs: Double(elapsed) / 1e6, remoteAddress: context.remoteAddress))
    }
}
