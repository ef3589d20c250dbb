import HTTPCore
import Testing

@Suite("Request parser: limits at and past the boundary")
struct HTTPRequestParserLimitTests {
    /// A request line of exactly `length` bytes, CRLF excluded.
    private func requestLine(length: Int) -> String {
        let fixed = "GET / HTTP/1.1".utf8.count
        return "GET /" + String(repeating: "a", count: length - fixed) + " HTTP/1.1"
    }

    @Test func requestLineLimit() {
        let atLimit = requestLine(length: 8192)
        #expect(atLimit.utf8.count == 8192)
        #expect(requests(atLimit + "\r\nHost: k\r\n\r\n").count == 1)
        #expect(failure(requestLine(length: 8193) + "\r\nHost: k\r\n\r\n") == 414)
    }

    @Test func anUnfinishedOverlongRequestLineFailsEarly() {
        var parser = HTTPRequestParser()
        parser.feed(Array(("GET /" + String(repeating: "a", count: 8200)).utf8))
        #expect(throws: HTTPParseError(status: .uriTooLong, message: "Request line is longer than 8192 bytes.")) {
            try parser.next()
        }
    }

    /// A header section (after the request line, final CRLF included) of exactly `size` bytes.
    private func headers(size: Int) -> String {
        let host = "Host: k\r\n"
        let fixed = host.utf8.count + "X: \r\n".utf8.count + 2
        return host + "X: " + String(repeating: "v", count: size - fixed) + "\r\n\r\n"
    }

    @Test func headerBytesLimit() {
        let atLimit = headers(size: 32768)
        #expect(atLimit.utf8.count == 32768)
        #expect(requests("GET / HTTP/1.1\r\n" + atLimit).count == 1)
        #expect(failure("GET / HTTP/1.1\r\n" + headers(size: 32769)) == 431)
    }

    @Test func anUnfinishedOverlongHeaderSectionFailsEarly() {
        var parser = HTTPRequestParser()
        parser.feed(Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "v", count: 32800)).utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    private func fields(_ count: Int) -> String {
        "GET / HTTP/1.1\r\nHost: k\r\n" + (1..<count).map { "F\($0): v\r\n" }.joined() + "\r\n"
    }

    @Test func headerCountLimit() {
        #expect(requests(fields(100)).first?.headers.count == 100)
        #expect(failure(fields(101)) == 431)
    }

    @Test func declaredBodyLimit() {
        let atLimit = "POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 65536\r\n\r\n" + String(repeating: "b", count: 65536)
        #expect(requests(atLimit).first?.body.count == 65536)
        #expect(failure("POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 65537\r\n\r\n") == 413)
        #expect(failure("POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 99999999999999999999999\r\n\r\n") == 413)
    }

    @Test func limitsAreConfigurable() {
        let small = HTTPLimits(maxRequestLine: 20, maxHeaderBytes: 40, maxHeaderCount: 2, maxBodyBytes: 3)
        #expect(failure("GET /0123456789abcdef HTTP/1.1\r\nHost: k\r\n\r\n", limits: small) == 414)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\nA: 1\r\nB: 2\r\n\r\n", limits: small) == 431)
        #expect(failure("POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 4\r\n\r\nabcd", limits: small) == 413)
        #expect(requests("POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 3\r\n\r\nabc", limits: small).count == 1)
    }
}
