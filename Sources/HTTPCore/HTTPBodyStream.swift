/// A streamed (chunked) response body, e.g. server-sent events; usable from any thread.
public protocol HTTPBodyStream: AnyObject, Sendable {
    /// Queues `bytes` as one chunk; false once the stream is finished or the peer is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool

    /// Ends the body; the connection then serves the client's next request.
    func finish()

    /// False after `finish()` or once the connection has closed.
    var isOpen: Bool { get }

    /// Runs `body` once when the stream ends, by `finish()` or because the connection closed;
    /// at once if it already has. It may run on the server's event-loop thread, so it must be quick.
    func onClose(_ body: @escaping @Sendable () -> Void)
}
