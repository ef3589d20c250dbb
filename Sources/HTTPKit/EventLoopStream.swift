import HTTPCore
import Posix

/// A streamed body on an event loop's connection: chunks become messages to the loop.
final class EventLoopStream: HTTPBodyStream {
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

    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        guard isOpen else { return false }
        if !bytes.isEmpty { loop.submit(.streamData(self, bytes)) }
        return true
    }

    func finish() {
        let wasOpen = state.withLock { state in
            defer { state.open = false }
            return state.open
        }
        if wasOpen { loop.submit(.streamEnd(self)) }
    }

    var isOpen: Bool { state.withLock { $0.open } }

    func onClose(_ body: @escaping @Sendable () -> Void) {
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
