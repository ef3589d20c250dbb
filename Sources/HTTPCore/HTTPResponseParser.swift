/// Pure response parser for the client (Content-Length, chunked, and read-until-close).
///
/// Interim 1xx responses (100 Continue) are skipped. Set `expectingHeadResponse` before reading
/// the answer to a HEAD request, which has no body whatever its headers say.
public struct HTTPResponseParser {
    private enum Body {
        case fixed(remaining: Int)
        case chunked(ChunkedDecoder)
        case untilClose
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var head: (status: Int, headers: HTTPHeaders)?
    private var body = Body.fixed(remaining: 0)
    private var collected: [UInt8] = []
    public let maxBodyBytes: Int
    public let maxHeadBytes: Int
    public var expectingHeadResponse = false

    public init(maxBodyBytes: Int = 64 << 20, maxHeadBytes: Int = 65536) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeadBytes = maxHeadBytes
    }

    /// No part of a response is buffered.
    public var isIdle: Bool { head == nil && start == buffer.count }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes.bindMemory(to: UInt8.self))
    }

    public mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// The next complete response, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPClientResponse? {
        guard let head = try nextHead() else { return nil }
        var part: [UInt8] = []
        let done = try readBody(into: &part)
        collected.append(contentsOf: part)
        guard done else { return nil }
        defer { collected = [] }
        return HTTPClientResponse(status: head.status, headers: head.headers, body: collected)
    }

    /// Call when the connection has closed: completes a body that runs until close.
    public mutating func finish() throws(HTTPParseError) -> HTTPClientResponse? {
        if head == nil && start == buffer.count { return nil }
        guard let head, case .untilClose = body else {
            throw HTTPParseError(status: .badRequest, message: "The connection closed before the response was complete.")
        }
        var part: [UInt8] = []
        _ = try readBody(into: &part)
        collected.append(contentsOf: part)
        defer { reset() }
        return HTTPClientResponse(status: head.status, headers: head.headers, body: collected)
    }

    /// The head of the current response once it is complete.
    package mutating func nextHead() throws(HTTPParseError) -> (status: Int, headers: HTTPHeaders)? {
        while head == nil {
            guard let parsed = try parseHead() else { return nil }
            if parsed.status >= 100 && parsed.status < 200 && parsed.status != 101 { continue }
            head = parsed
            body = framing(status: parsed.status, headers: parsed.headers)
        }
        return head
    }

    /// Moves available body bytes into `part`; true once the body is complete.
    package mutating func readBody(into part: inout [UInt8]) throws(HTTPParseError) -> Bool {
        let available = buffer.count - start
        switch body {
        case .fixed(let remaining):
            let take = min(remaining, available)
            part.append(contentsOf: buffer[start..<(start + take)])
            start += take
            body = .fixed(remaining: remaining - take)
            guard take == remaining else { return false }
        case .chunked(var decoder):
            let from = start, to = buffer.count
            start = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
                try decoder.decode(bytes, from: from, to: to, into: &part)
            }
            body = .chunked(decoder)
            guard decoder.isDone else { return false }
        case .untilClose:
            if collected.count + part.count + available > maxBodyBytes { throw Self.tooLarge(maxBodyBytes) }
            part.append(contentsOf: buffer[start...])
            start = buffer.count
            return false
        }
        reset()
        return true
    }

    private mutating func reset() {
        head = nil
        body = .fixed(remaining: 0)
        expectingHeadResponse = false
    }

    private func framing(status: Int, headers: HTTPHeaders) -> Body {
        if expectingHeadResponse || status < 200 || status == 204 || status == 304 { return .fixed(remaining: 0) }
        if headers.containsToken("chunked", in: "Transfer-Encoding") {
            return .chunked(ChunkedDecoder(maxBody: maxBodyBytes, maxTrailerBytes: maxHeadBytes, maxTrailerFields: Int.max))
        }
        if let length = headers["Content-Length"].flatMap({ ByteRules.decimal(Substring($0)) }) {
            return .fixed(remaining: length)
        }
        return .untilClose
    }

    /// Status line and fields; tolerant of bare LF, since it only reads our own or friendly servers.
    private mutating func parseHead() throws(HTTPParseError) -> (status: Int, headers: HTTPHeaders)? {
        var lines: [Substring] = []
        var end = start
        var found = false
        var lineStart = start
        while let newline = buffer[end...].firstIndex(of: ByteRules.lf) {
            var lineEnd = newline
            if lineEnd > lineStart && buffer[lineEnd - 1] == ByteRules.cr { lineEnd -= 1 }
            end = newline + 1
            if lineEnd == lineStart {
                found = true
                break
            }
            lines.append(Substring(decoding: buffer[lineStart..<lineEnd], as: UTF8.self))
            lineStart = end
        }
        guard found else {
            if buffer.count - start > maxHeadBytes { throw Self.malformed("The response head is too large.") }
            return nil
        }
        start = end
        guard let statusLine = lines.first else { throw Self.malformed("The response has no status line.") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let status = Int(parts[1]) else {
            throw Self.malformed("The status line is not valid.")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw Self.malformed("A response header has no colon.") }
            headers.add(String(line[..<colon]), String(HTTPHeaders.trim(line[line.index(after: colon)...])))
        }
        return (status, headers)
    }

    private static func malformed(_ message: String) -> HTTPParseError {
        HTTPParseError(status: .badRequest, message: message)
    }

    private static func tooLarge(_ limit: Int) -> HTTPParseError {
        HTTPParseError(status: .payloadTooLarge, message: "Response body is larger than \(limit) bytes.")
    }
}
