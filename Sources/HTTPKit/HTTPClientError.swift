/// Why the client got no response (system call failures are thrown as `SystemError`).
public enum HTTPClientError: Error, Equatable, Sendable {
    /// The server closed the connection before a complete response arrived.
    case connectionClosed
    /// Nothing arrived within the timeout.
    case timedOut
    /// No connection could be made, so nothing was sent (refused, no route, unknown host).
    case cannotConnect(String)
}
