/// Serialising a response head and body into a connection's output buffer in one pass.
extension HTTPResponse {
    /// How the body is framed on the wire.
    package enum Framing {
        case length
        case chunked
        /// HTTP/1.0 streams: the body ends when the connection closes.
        case untilClose
    }

    private static let crlf: StaticString = "\r\n"

    package func write(into out: inout [UInt8], isHead: Bool, close: Bool, keepAliveHeader: Bool, framing: Framing = .length) {
        out.reserveCapacity(out.count + 128 + body.count)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        Self.appendDecimal(status.code, to: &out)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: status.reason.utf8)
        Self.appendLine(&out)
        for (name, value) in headers where Self.isSafe(name, value) {
            if HTTPHeaders.sameName(name, "Content-Length") || HTTPHeaders.sameName(name, "Transfer-Encoding")
                || HTTPHeaders.sameName(name, "Connection") {
                continue
            }
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: value.utf8)
            Self.appendLine(&out)
        }
        let bodyAllowed = status.code >= 200 && status.code != 204 && status.code != 304
        switch framing {
        case .length where bodyAllowed:
            out.append(contentsOf: "Content-Length: ".utf8)
            Self.appendDecimal(body.count, to: &out)
            Self.appendLine(&out)
        case .chunked:
            out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .length, .untilClose:
            break
        }
        if close {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if keepAliveHeader {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        Self.appendLine(&out)
        if framing == .length && bodyAllowed && !isHead {
            out.append(contentsOf: body)
        }
    }

    /// A header with CR or LF in it would let a responder's data split the response; it is dropped.
    private static func isSafe(_ name: String, _ value: String) -> Bool {
        !name.utf8.contains { $0 == 13 || $0 == 10 } && !value.utf8.contains { $0 == 13 || $0 == 10 }
    }

    package static func appendLine(_ out: inout [UInt8]) {
        out.append(13)
        out.append(10)
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        appendNumber(value, radix: 10, to: &out)
    }

    /// Digits without going through String, since this runs for every response.
    package static func appendNumber(_ value: Int, radix: Int, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        let digits: StaticString = "0123456789abcdef"
        var remaining = value
        var scratch: (UInt64, UInt64) = (0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &scratch) { buffer in
            while remaining > 0 {
                buffer[count] = digits.utf8Start[remaining % radix]
                remaining /= radix
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                out.append(buffer[index])
            }
        }
    }
}
