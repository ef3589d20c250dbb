import Posix

/// A streamed (chunked) response body, e.g. server-sent events; usable from any thread.
public final class HTTPStream: Sendable {
    private struct State {
        var open = true
        var closed = false
        var handlers: [@Sendable () -> Void] = []
    }

    let loop: EventLoop
    let context: RequestContext
    private let state = Locked(State())

    init(loop: EventLoop, context: RequestContext) {
        self.loop = loop
        self.context = context
    }

    /// Queues `bytes` as one chunk; false once the stream is finished or the peer is gone.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        guard isOpen else { return false }
        if !bytes.isEmpty { loop.submit(.streamData(self, bytes)) }
        return true
    }

    /// Ends the body; the connection then serves the client's next request.
    public func finish() {
        let wasOpen = state.withLock { state in
            defer { state.open = false }
            return state.open
        }
        if wasOpen { loop.submit(.streamEnd(self)) }
    }

    /// False after `finish()` or once the connection has closed.
    public var isOpen: Bool { state.withLock { $0.open } }

    /// Runs `body` once when the stream ends, by `finish()` or because the connection closed;
    /// at once if it already has. It runs on the event-loop thread, so it must be quick.
    public func onClose(_ body: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            if state.closed { return true }
            state.handlers.append(body)
            return false
        }
        if runNow { body() }
    }

    /// Called by the loop when the stream is over, for whatever reason.
    func markClosed() {
        let handlers = state.withLock { state in
            state.open = false
            if state.closed { return [@Sendable () -> Void]() }
            state.closed = true
            defer { state.handlers = [] }
            return state.handlers
        }
        for handler in handlers { handler() }
    }
}
