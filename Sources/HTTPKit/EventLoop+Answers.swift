@preconcurrency import Glibc
import HTTPCore
import Posix

/// Applying responses and stream parts to their connections.
extension EventLoop {
    /// The connection `context` belongs to, if it is still waiting for exactly that answer.
    /// `nil, true` means the connection is gone; `nil, false` means a repeated or stale answer.
    private func awaiting(_ context: RequestContext) -> (Connection?, gone: Bool) {
        guard let connection = connection(context.connectionID) else { return (nil, true) }
        guard connection.inFlight, connection.serial == context.serial, connection.stream == nil else { return (nil, false) }
        return (connection, false)
    }

    func complete(_ context: RequestContext, _ response: HTTPResponse) {
        let finishedAt = MonotonicClock.nanoseconds()
        let (found, gone) = awaiting(context)
        if found != nil || gone { shared.report(context, status: response.status.code, at: finishedAt) }
        guard let connection = found else { return }
        let close = !context.keepAlive || draining || response.headers.containsToken("close", in: "Connection")
        response.write(
            into: &connection.out, isHead: context.isHead, close: close,
            keepAliveHeader: context.version == .http1_0 && !close)
        finishRequest(connection, close: close, at: finishedAt)
    }

    /// Resets the connection still waiting for `context`'s answer, unanswered (logged as status 0):
    /// a zero linger time makes the close send RST, as a crashed server's kernel would.
    func abort(_ context: RequestContext) {
        let (found, gone) = awaiting(context)
        if found != nil || gone { shared.report(context, status: 0, at: MonotonicClock.nanoseconds()) }
        guard let connection = found else { return }
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        _ = try? retryingEINTR("setsockopt(SO_LINGER)") {
            setsockopt(connection.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
        close(connection)
    }

    func startStream(_ context: RequestContext, _ head: HTTPResponse, _ stream: EventLoopStream) {
        let startedAt = MonotonicClock.nanoseconds()
        let (found, gone) = awaiting(context)
        if found != nil || gone { shared.report(context, status: head.status.code, at: startedAt) }
        guard let connection = found else {
            if gone { stream.markClosed() }
            return
        }
        let chunked = context.version == .http1_1 && !context.isHead
        let close = !context.keepAlive || draining || context.version == .http1_0
        head.write(
            into: &connection.out, isHead: true, close: close && !context.isHead,
            keepAliveHeader: false, framing: context.isHead ? .length : (chunked ? .chunked : .untilClose))
        connection.stream = stream
        connection.streamChunked = chunked
        connection.streamHead = context.isHead
        markDirty(connection)
    }

    func streamData(_ stream: EventLoopStream, _ bytes: [UInt8]) {
        guard let connection = streaming(stream), !connection.streamHead else { return }
        if connection.streamChunked {
            HTTPResponse.appendNumber(bytes.count, radix: 16, to: &connection.out)
            HTTPResponse.appendLine(&connection.out)
            connection.out.append(contentsOf: bytes)
            HTTPResponse.appendLine(&connection.out)
        } else {
            connection.out.append(contentsOf: bytes)
        }
        if connection.pendingOutput > Self.streamBacklogLimit {
            close(connection)
            return
        }
        markDirty(connection)
    }

    func endStream(_ stream: EventLoopStream) {
        guard let connection = streaming(stream) else { return }
        connection.stream = nil
        if connection.streamChunked { connection.out.append(contentsOf: "0\r\n\r\n".utf8) }
        let close = !stream.context.keepAlive || draining || !(connection.streamChunked || connection.streamHead)
        finishRequest(connection, close: close, at: MonotonicClock.nanoseconds())
        stream.markClosed()
    }

    private func streaming(_ stream: EventLoopStream) -> Connection? {
        guard let connection = connection(stream.context.connectionID), connection.stream === stream else { return nil }
        return connection
    }

    /// The request is answered: the connection may take the next one, or closes once written.
    private func finishRequest(_ connection: Connection, close: Bool, at time: UInt64) {
        connection.inFlight = false
        if close { connection.closeAfterWrite = true }
        connection.lastActivity = time
        if !connection.parser.isIdle { connection.requestStart = time }
        markDirty(connection)
    }
}
