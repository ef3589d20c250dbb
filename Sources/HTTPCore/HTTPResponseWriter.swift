/// The one-shot answer to one request: call `send`, `abort` or `startStream` once, from any thread.
///
/// Later calls are ignored, as is an answer to a connection that has since closed. HTTPKit's event
/// loop writes the answer to the socket; a test records it in memory.
public protocol HTTPResponseWriter: Sendable {
    /// Answers with a whole response.
    func send(_ response: HTTPResponse)

    /// Closes the connection without answering, as a crashed or cut-off server would; the issuer
    /// simulator uses it to inject dropped connections.
    func abort()

    /// Sends `head` (its body is ignored) and returns the stream that carries the body in chunks.
    func startStream(_ head: HTTPResponse) -> any HTTPBodyStream
}
