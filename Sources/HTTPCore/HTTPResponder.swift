/// Answers requests: the server calls it on an event-loop thread, a test calls it with a recorder.
///
/// `respond` must return quickly: slow work belongs on another thread, which answers later
/// through the writer. The next request on the same connection waits until this one is answered.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, writer: any HTTPResponseWriter)
}
