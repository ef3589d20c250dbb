@preconcurrency import Glibc
import CLinux
import HTTPCore
import Posix

/// An HTTP/1.1 server: one listener, N epoll event-loop threads, keep-alive and pipelining.
///
/// Loop 0 accepts and deals connections round-robin to all loops, so the load spreads evenly
/// without SO_REUSEPORT (which would let a stale second instance silently share the port).
public final class HTTPServer: Sendable {
    private struct State {
        var loops: [EventLoop] = []
        var started = false
    }

    private let shared: ServerShared
    private let state = Locked(State())

    /// `log` is called once per response, from the event-loop threads (several at once), so it must be quick.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, log: @escaping @Sendable (HTTPLogEntry) -> Void) {
        shared = ServerShared(configuration: configuration, responder: responder, log: log)
    }

    /// Binds, listens and starts the event-loop threads; returns the bound port.
    public func start() throws -> Int {
        let alreadyStarted = state.withLock { state in
            defer { state.started = true }
            return state.started
        }
        guard !alreadyStarted else { throw SystemError(call: "HTTPServer.start (already started)", code: EALREADY) }
        // A peer that vanishes mid-write must not kill the process; sends also pass MSG_NOSIGNAL.
        signal(SIGPIPE, SIG_IGN)
        let configuration = shared.configuration
        let listener = try Socket.listen(host: configuration.host, port: configuration.port)
        var loops: [EventLoop] = []
        do {
            for index in 0..<max(1, configuration.eventLoops) {
                loops.append(try EventLoop(shared: shared, index: index))
            }
            try loops[0].register(listener, events: CLinux_EPOLLIN, tag: EventLoop.listenerTag)
        } catch {
            FileDescriptor.close(listener)
            throw error
        }
        let port = try Socket.localPort(listener)
        loops[0].takeListener(listener, others: Array(loops.dropFirst()))
        var running: [EventLoop] = []
        for loop in loops {
            do {
                try loop.startThread()
                running.append(loop)
            } catch {
                if running.isEmpty {
                    FileDescriptor.close(listener)
                } else {
                    stop(running, grace: 0)
                }
                throw error
            }
        }
        state.withLock { $0.loops = loops }
        return port
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish for up to `grace`
    /// seconds, then closes everything; returns once every loop thread has exited.
    /// Must not be called from a responder (it would wait for its own thread).
    public func shutdown(grace: Double = 5) {
        let loops = state.withLock { state in
            defer { state.loops = [] }
            return state.loops
        }
        stop(loops, grace: grace)
    }

    private func stop(_ loops: [EventLoop], grace: Double) {
        let deadline = MonotonicClock.nanoseconds() + MonotonicClock.nanoseconds(seconds: grace)
        for loop in loops { loop.post(.shutdown(deadline)) }
        for loop in loops { loop.joinThread() }
    }
}
