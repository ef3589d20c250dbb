/// Size limits applied while parsing a request.
public struct HTTPLimits: Sendable {
    /// Longest request line, CRLF excluded (414 past it).
    public var maxRequestLine = 8192
    /// Largest header section after the request line, CRLFs included (431 past it).
    public var maxHeaderBytes = 32768
    /// Most header fields (431 past it).
    public var maxHeaderCount = 100
    /// Largest body, declared or de-chunked (413 past it).
    public var maxBodyBytes = 65536

    public init(maxRequestLine: Int = 8192, maxHeaderBytes: Int = 32768, maxHeaderCount: Int = 100, maxBodyBytes: Int = 65536) {
        self.maxRequestLine = maxRequestLine
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
