/// One parsed request, with its body de-chunked.
public struct HTTPRequest: Sendable {
    /// As sent, e.g. "GET".
    public var method: String
    /// As sent, e.g. "/c/abc?lang=en".
    public var target: String
    /// The target before '?', not percent-decoded.
    public var path: String
    /// The target after '?', nil when there is no '?'.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's IP address as text ("127.0.0.1", "::1"); empty when parsed without a socket.
    public var remoteAddress: String
    /// CLOCK_MONOTONIC nanoseconds when the request's first byte arrived; 0 when parsed without a socket.
    public var receivedAt: UInt64
    /// Which request on its connection this is: 1 for the first, 2 and up on a reused keep-alive
    /// connection; 0 when parsed without a socket.
    public var numberOnConnection: UInt64 = 0

    public init(
        method: String, target: String, version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = .init(), body: [UInt8] = [],
        remoteAddress: String = "", receivedAt: UInt64 = 0
    ) {
        self.method = method
        self.target = target
        (path, query) = Self.split(target)
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.receivedAt = receivedAt
    }

    /// The body's media type from `Content-Type`, lower-cased and without parameters
    /// (`application/json` for `Application/JSON; charset=utf-8`); nil when there is none.
    public var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        // Byte by byte: every request with a body asks, and the delimiters are all ASCII.
        let bytes = value.utf8
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let end = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
        guard let first = bytes[..<end].firstIndex(where: { !isBlank($0) }),
              let last = bytes[first..<end].lastIndex(where: { !isBlank($0) }) else { return nil }
        return String(value[first..<bytes.index(after: last)]).lowercased()
    }

    /// Whether the client lets the connection stay open after this request.
    public var wantsKeepAlive: Bool {
        switch version {
        case .http1_1: return !headers.containsToken("close", in: "Connection")
        case .http1_0: return headers.containsToken("keep-alive", in: "Connection")
        }
    }

    /// Splits a target into path and query; an absolute-form target ("http://host/p") keeps only its path.
    static func split(_ target: String) -> (path: String, query: String?) {
        var rest = Substring(target)
        if !rest.hasPrefix("/"), rest.hasPrefix("http://") || rest.hasPrefix("https://") {
            let authority = rest.drop(while: { $0 != ":" }).dropFirst(3)
            rest = authority.firstIndex(of: "/").map { authority[$0...] } ?? "/"
        }
        guard let mark = rest.firstIndex(of: "?") else { return (String(rest), nil) }
        return (String(rest[..<mark]), String(rest[rest.index(after: mark)...]))
    }
}
