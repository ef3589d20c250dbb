import HTTPCore
/// The event loop's answer to one request: each call becomes a message to the loop that owns the
/// connection, so it may come from any thread.
final class EventLoopWriter: HTTPResponseWriter {
    let loop: EventLoop
    let context: RequestContext

    init(loop: EventLoop, context: RequestContext) {
        self.loop = loop
        self.context = context
    }

    func send(_ response: HTTPResponse) {
        loop.submit(.response(context, response))
    }

    func abort() {
        loop.submit(.abort(context))
    }

    func startStream(_ head: HTTPResponse) -> any HTTPBodyStream {
        let stream = EventLoopStream(loop: loop, context: context)
        loop.submit(.streamHead(context, head, stream))
        return stream
    }
}
