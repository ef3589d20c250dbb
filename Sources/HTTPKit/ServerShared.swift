import Posix

/// What every event loop of one server shares: settings, the responder, the log, the connection count.
final class ServerShared: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let log: @Sendable (HTTPLogEntry) -> Void
    let headerTimeout: UInt64
    let idleTimeout: UInt64
    private let open = Locked(0)

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, log: @escaping @Sendable (HTTPLogEntry) -> Void) {
        self.configuration = configuration
        self.responder = responder
        self.log = log
        headerTimeout = MonotonicClock.nanoseconds(seconds: configuration.headerTimeout)
        idleTimeout = MonotonicClock.nanoseconds(seconds: configuration.idleTimeout)
    }

    /// Counts a new connection in, unless the limit is reached.
    func admit() -> Bool {
        let limit = configuration.maxConnections
        return open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() {
        open.withLock { $0 -= 1 }
    }

    func report(_ context: RequestContext, status: Int, at time: UInt64) {
        let elapsed = time > context.receivedAt ? time - context.receivedAt : 0
        log(HTTPLogEntry(
            method: context.method, path: context.path, status: status,
            durationMs: Double(elapsed) / 1e6, remoteAddress: context.remoteAddress))
    }
}
