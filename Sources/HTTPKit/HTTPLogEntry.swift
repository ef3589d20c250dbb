/// One answered request, as reported to the server's log closure.
public struct HTTPLogEntry: Sendable {
    /// "-" when the request line could not be parsed.
    public let method: String
    /// "-" when the request line could not be parsed.
    public let path: String
    public let status: Int
    /// From the request's first byte until its response was handed to the connection.
    public let durationMs: Double
    public let remoteAddress: String

    public init(method: String, path: String, status: Int, durationMs: Double, remoteAddress: String) {
        self.method = method
        self.path = path
        self.status = status
        self.durationMs = durationMs
        self.remoteAddress = remoteAddress
    }
}
