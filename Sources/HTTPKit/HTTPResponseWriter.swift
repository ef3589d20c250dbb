/// One-shot answer to one request: call `send` or `startStream` exactly once, from any thread.
///
/// Later calls are ignored, as is an answer to a connection that has since closed.
public final class HTTPResponseWriter: Sendable {
    let loop: EventLoop
    let context: RequestContext

    init(loop: EventLoop, context: RequestContext) {
        self.loop = loop
        self.context = context
    }

    public func send(_ response: HTTPResponse) {
        loop.submit(.response(context, response))
    }

    /// Closes the connection without answering, as a crashed or cut-off server would; the issuer
    /// simulator uses it to inject dropped connections.
    public func abort() {
        loop.submit(.abort(context))
    }

    /// Sends `head` (its body is ignored) and returns the stream that carries the body in chunks.
    public func startStream(_ head: HTTPResponse) -> HTTPStream {
        let stream = HTTPStream(loop: loop, context: context)
        loop.submit(.streamHead(context, head, stream))
        return stream
    }
}
