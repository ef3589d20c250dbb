/// Head parsing: finding the end of the head, then the request line, fields and framing rules.
extension HTTPRequestParser {
    /// Framing facts gathered while reading the fields.
    private struct Framing {
        var hosts = 0
        var contentLengths: [Substring] = []
        var transferEncodings: [Substring] = []
        var expectsContinue = false
        /// The header section's size (final CRLF included) and field count, which trailers may not push past the limits.
        var headerBytes = 0
        var fieldCount = 0
    }

    /// Parses the head once it is complete; nil while it is still arriving.
    mutating func parseHead() throws(HTTPParseError) -> HTTPRequest? {
        guard try scanHead() else { return nil }
        let headLength = lineEnds.last! + 1
        var (request, framing) = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            try buildRequest(bytes)
        }
        try applyFraming(framing, to: &request)
        start += headLength
        scanned = 0
        lineEnds.removeAll(keepingCapacity: true)
        return request
    }

    /// Finds the line ends of the head and applies the size limits; true once the empty line is seen.
    private mutating func scanHead() throws(HTTPParseError) -> Bool {
        let base = start
        let end = buffer.count
        let limits = self.limits
        var offset = scanned
        // Moved out for the scan so appending does not copy it (self is borrowed by the closure).
        var lines = lineEnds
        lineEnds = []
        defer { lineEnds = lines }
        let complete = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) -> Bool in
            while let newline = ByteRules.find(ByteRules.lf, in: bytes, from: base + offset, to: end) {
                let lineStart = lines.last.map { $0 + 1 } ?? 0
                let at = newline - base
                guard at > lineStart, bytes[newline - 1] == ByteRules.cr else {
                    if lines.isEmpty && at == 0 { throw .bad("Request line must end with CRLF.") }
                    throw .bad("Lines must end with CRLF, not a bare LF.")
                }
                if lines.isEmpty {
                    if at - 1 > limits.maxRequestLine { throw Self.uriTooLong(limits) }
                } else {
                    if at + 1 - (lines[0] + 1) > limits.maxHeaderBytes { throw Self.headersTooLarge(limits) }
                    if at - lineStart > 1 && lines.count > limits.maxHeaderCount { throw Self.tooManyFields(limits) }
                }
                lines.append(at)
                offset = at + 1
                if at - lineStart == 1 && lines.count > 1 { return true }
                if at - lineStart == 1 { throw .bad("Request line is empty.") }
            }
            offset = end - base
            if let first = lines.first {
                if offset - (first + 1) > limits.maxHeaderBytes { throw Self.headersTooLarge(limits) }
            } else if offset > limits.maxRequestLine + 1 {
                throw Self.uriTooLong(limits)
            }
            return false
        }
        scanned = offset
        return complete
    }

    private func buildRequest(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (HTTPRequest, Framing) {
        let (method, target, version) = try requestLine(bytes, start..<(start + lineEnds[0] - 1))
        var headers = HTTPHeaders()
        var framing = Framing(headerBytes: lineEnds.last! - lineEnds[0], fieldCount: lineEnds.count - 2)
        var lineStart = start + lineEnds[0] + 1
        for lineEnd in lineEnds.dropFirst().dropLast() {
            try field(bytes, lineStart..<(start + lineEnd - 1), into: &headers, framing: &framing)
            lineStart = start + lineEnd + 1
        }
        return (HTTPRequest(method: method, target: target, version: version, headers: headers), framing)
    }

    private func requestLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) throws(HTTPParseError) -> (String, String, HTTPVersion) {
        guard let firstSpace = ByteRules.find(ByteRules.space, in: bytes, from: line.lowerBound, to: line.upperBound),
              let secondSpace = ByteRules.find(ByteRules.space, in: bytes, from: firstSpace + 1, to: line.upperBound),
              firstSpace > line.lowerBound, secondSpace > firstSpace + 1
        else { throw .bad("Request line must be: method, target and version, separated by single spaces.") }
        for index in line.lowerBound..<firstSpace where !ByteRules.isToken(bytes[index]) {
            throw .bad("Request method contains characters that are not allowed.")
        }
        for index in (firstSpace + 1)..<secondSpace where bytes[index] < 0x21 || bytes[index] == 0x7F {
            throw .bad("Request target contains characters that are not allowed.")
        }
        let version = try Self.version(bytes, (secondSpace + 1)..<line.upperBound)
        let method = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<firstSpace]), as: UTF8.self)
        guard let target = ByteRules.text(bytes, (firstSpace + 1)..<secondSpace) else {
            throw .bad("Request target is not valid UTF-8.")
        }
        guard target.hasPrefix("/") || target == "*" || target.hasPrefix("http://") || target.hasPrefix("https://") else {
            throw .bad("Request target must start with '/'.")
        }
        return (method, target, version)
    }

    private static func version(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(HTTPParseError) -> HTTPVersion {
        let prefix: [UInt8] = Array("HTTP/".utf8)
        guard range.count >= 6, prefix.indices.allSatisfy({ bytes[range.lowerBound + $0] == prefix[$0] }) else {
            throw .bad("Request line does not end with an HTTP version.")
        }
        let rest = Array(UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 5)..<range.upperBound]))
        if rest == Array("1.1".utf8) { return .http1_1 }
        if rest == Array("1.0".utf8) { return .http1_0 }
        if let major = rest.first, major >= UInt8(ascii: "2"), major <= UInt8(ascii: "9") {
            throw HTTPParseError(status: .httpVersionNotSupported, message: "Only HTTP/1.0 and HTTP/1.1 are supported.")
        }
        throw .bad("HTTP version is not recognised.")
    }

    private func field(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into headers: inout HTTPHeaders, framing: inout Framing) throws(HTTPParseError) {
        let first = bytes[line.lowerBound]
        if first == ByteRules.space || first == ByteRules.tab {
            throw .bad("Header continuation lines (obs-fold) are not allowed.")
        }
        var colon = line.lowerBound
        while colon < line.upperBound && bytes[colon] != ByteRules.colon {
            let byte = bytes[colon]
            if byte == ByteRules.space || byte == ByteRules.tab { throw .bad("Whitespace before the colon in a header field is not allowed.") }
            if !ByteRules.isToken(byte) { throw .bad("Header field name contains characters that are not allowed.") }
            colon += 1
        }
        guard colon < line.upperBound, colon > line.lowerBound else { throw .bad("Header field has no name or no colon.") }
        var valueStart = colon + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd, bytes[valueStart] == ByteRules.space || bytes[valueStart] == ByteRules.tab { valueStart += 1 }
        while valueEnd > valueStart, bytes[valueEnd - 1] == ByteRules.space || bytes[valueEnd - 1] == ByteRules.tab { valueEnd -= 1 }
        for index in valueStart..<valueEnd where !ByteRules.isFieldValueByte(bytes[index]) {
            throw .bad("Header field value contains control characters.")
        }
        let nameRange = line.lowerBound..<colon
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameRange]), as: UTF8.self)
        guard let value = ByteRules.text(bytes, valueStart..<valueEnd) else {
            throw .bad("Header field \(name) is not valid UTF-8.")
        }
        switch nameRange.count {
        case 4 where ByteRules.equalsLowercase(bytes, nameRange, "host"):
            framing.hosts += 1
        case 6 where ByteRules.equalsLowercase(bytes, nameRange, "expect"):
            if HTTPHeaders.sameName(value, "100-continue") { framing.expectsContinue = true }
        case 14 where ByteRules.equalsLowercase(bytes, nameRange, "content-length"):
            framing.contentLengths += value.split(separator: ",", omittingEmptySubsequences: false).map(HTTPHeaders.trim)
        case 17 where ByteRules.equalsLowercase(bytes, nameRange, "transfer-encoding"):
            framing.transferEncodings += value.split(separator: ",", omittingEmptySubsequences: false).map(HTTPHeaders.trim)
        default:
            break
        }
        headers.add(name, value)
    }

    /// Decides how the body is delimited, refusing every ambiguous shape (request smuggling).
    private mutating func applyFraming(_ framing: Framing, to request: inout HTTPRequest) throws(HTTPParseError) {
        if request.version == .http1_1 && framing.hosts == 0 { throw .bad("HTTP/1.1 requests must have a Host header.") }
        if framing.hosts > 1 { throw .bad("A request must have only one Host header.") }
        // HTTP/1.0 clients do not know 100 Continue (RFC 9110 §10.1.1).
        expectsContinue = framing.expectsContinue && request.version == .http1_1
        if !framing.transferEncodings.isEmpty {
            // HTTP/1.0 has no transfer codings; a 1.0 hop before us would frame this body differently (RFC 9112 §6.1).
            if request.version == .http1_0 { throw .bad("Transfer-Encoding is not allowed in an HTTP/1.0 request.") }
            if !framing.contentLengths.isEmpty { throw .bad("Content-Length and Transfer-Encoding must not both be sent.") }
            let codings = framing.transferEncodings
            guard let last = codings.last, HTTPHeaders.sameName(last, "chunked") else {
                throw .bad("Transfer-Encoding must end with chunked.")
            }
            if codings.count > 1 {
                throw HTTPParseError(status: .unsupportedByServer, message: "Only the chunked transfer coding is supported.")
            }
            body = .chunked(ChunkedDecoder(
                maxBody: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeaderBytes - framing.headerBytes,
                maxTrailerFields: limits.maxHeaderCount - framing.fieldCount))
            return
        }
        guard let first = framing.contentLengths.first else {
            body = .fixed(remaining: 0)
            expectsContinue = false
            return
        }
        guard let length = ByteRules.decimal(first) else { throw .bad("Content-Length is not a number.") }
        for other in framing.contentLengths.dropFirst() where other != first {
            throw .bad("Content-Length values disagree.")
        }
        if length > limits.maxBodyBytes {
            throw HTTPParseError(status: .payloadTooLarge, message: "Request body is larger than \(limits.maxBodyBytes) bytes.")
        }
        body = .fixed(remaining: length)
        if length == 0 { expectsContinue = false }
    }

    private static func uriTooLong(_ limits: HTTPLimits) -> HTTPParseError {
        HTTPParseError(status: .uriTooLong, message: "Request line is longer than \(limits.maxRequestLine) bytes.")
    }

    private static func headersTooLarge(_ limits: HTTPLimits) -> HTTPParseError {
        HTTPParseError(status: .requestHeaderFieldsTooLarge, message: "Request header fields are larger than \(limits.maxHeaderBytes) bytes.")
    }

    private static func tooManyFields(_ limits: HTTPLimits) -> HTTPParseError {
        HTTPParseError(status: .requestHeaderFieldsTooLarge, message: "Request has more than \(limits.maxHeaderCount) header fields.")
    }
}
