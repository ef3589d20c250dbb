import HTTPCore
import Testing

@Suite("Request parser: shapes")
struct HTTPRequestParserTests {
    @Test func parsesASimpleRequest() throws {
        let parsed = requests("GET /c/abc?lang=en HTTP/1.1\r\nHost: kiosk\r\nX-Test:  padded value \t\r\n\r\n")
        let request = try #require(parsed.first)
        #expect(parsed.count == 1)
        #expect(request.method == "GET")
        #expect(request.target == "/c/abc?lang=en")
        #expect(request.path == "/c/abc")
        #expect(request.query == "lang=en")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "kiosk")
        #expect(request.headers["X-TEST"] == "padded value")
        #expect(request.body.isEmpty)
        #expect(request.remoteAddress == "")
    }

    @Test func keepsThePathPercentEncodedAndTheQueryNilWithoutAMark() throws {
        let request = try #require(requests("GET /a%20b HTTP/1.1\r\nHost: k\r\n\r\n").first)
        #expect(request.path == "/a%20b")
        #expect(request.query == nil)
    }

    @Test func readsAContentLengthBody() throws {
        let request = try #require(requests("POST /x HTTP/1.1\r\nHost: k\r\nContent-Length: 5\r\n\r\nhello").first)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func waitsForTheRestOfTheBody() throws {
        var parser = HTTPRequestParser()
        parser.feed(Array("POST /x HTTP/1.1\r\nHost: k\r\nContent-Length: 5\r\n\r\nhel".utf8))
        #expect(try parser.next() == nil)
        #expect(!parser.isIdle)
        parser.feed(Array("lo".utf8))
        #expect(try parser.next()?.body == Array("hello".utf8))
        #expect(parser.isIdle)
    }

    @Test func dechunksWithExtensionsAndDiscardsTrailers() throws {
        let text = "POST /x HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6 ; ext\r\n world\r\n0\r\nTrailer-Field: x\r\n\r\n"
        let parsed = requests(text)
        #expect(parsed.count == 1)
        #expect(parsed.first?.body == Array("hello world".utf8))
        #expect(parsed.first?.headers["Trailer-Field"] == nil)
    }

    @Test func parsesPipelinedRequestsInOrder() {
        let text = "GET /1 HTTP/1.1\r\nHost: k\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: k\r\nContent-Length: 3\r\n\r\nabc"
            + "POST /3 HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
            + "GET /4 HTTP/1.0\r\n\r\n"
        let parsed = requests(text)
        #expect(parsed.map(\.path) == ["/1", "/2", "/3", "/4"])
        #expect(parsed.map { String(decoding: $0.body, as: UTF8.self) } == ["", "abc", "xy", ""])
    }

    @Test func byteAtATimeGivesTheSameRequests() throws {
        let text = "GET /1?q=1 HTTP/1.1\r\nHost: k\r\nA: b\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: k\r\nContent-Length: 3\r\n\r\nabc"
            + "POST /3 HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n2;e=1\r\nxy\r\n10\r\n0123456789abcdef\r\n0\r\nT: v\r\n\r\n"
        let whole = try parseAll(text).get()
        let drip = try parseAll(text, byteAtATime: true).get()
        #expect(whole.count == 3)
        #expect(drip.map(\.target) == whole.map(\.target))
        #expect(drip.map(\.body) == whole.map(\.body))
        #expect(drip.map { Array($0.headers).map(\.value) } == whole.map { Array($0.headers).map(\.value) })
    }

    @Test func byteAtATimeFindsTheSameErrors() {
        let bad = "GET / HTTP/1.1\r\nHost: k\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"
        let dripped = parseAll(bad, byteAtATime: true)
        #expect(dripped.failureStatus == 400)
        #expect(parseAll(bad).failureStatus == 400)
    }

    @Test func keepsFailingAfterAnError() {
        var parser = HTTPRequestParser()
        parser.feed(Array("BAD\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        parser.feed(Array("GET / HTTP/1.1\r\nHost: k\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func signalsOneHundredContinueUntilTheBodyArrives() throws {
        var parser = HTTPRequestParser()
        parser.feed(Array("PUT /x HTTP/1.1\r\nHost: k\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.needsContinue)
        parser.feed(Array("data".utf8))
        #expect(try parser.next()?.body == Array("data".utf8))
        #expect(!parser.needsContinue)
    }

    @Test func noContinueWithoutABodyOrForHTTP10() throws {
        var empty = HTTPRequestParser()
        empty.feed(Array("PUT /x HTTP/1.1\r\nHost: k\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n".utf8))
        #expect(try empty.next() != nil)
        #expect(!empty.needsContinue)
        var old = HTTPRequestParser()
        old.feed(Array("PUT /x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        #expect(try old.next() == nil)
        #expect(!old.needsContinue)
    }

    @Test func continueIsNotSignalledWhenTheBodyIsTooLarge() {
        var parser = HTTPRequestParser()
        parser.feed(Array("PUT /x HTTP/1.1\r\nHost: k\r\nExpect: 100-continue\r\nContent-Length: 65537\r\n\r\n".utf8))
        #expect(throws: HTTPParseError(status: .payloadTooLarge, message: "Request body is larger than 65536 bytes.")) {
            try parser.next()
        }
        #expect(!parser.needsContinue)
    }

    @Test func hostRules() {
        #expect(failure("GET / HTTP/1.1\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400)
        #expect(requests("GET / HTTP/1.0\r\n\r\n").count == 1)
        #expect(requests("GET / HTTP/1.1\r\nhOsT: a\r\n\r\n").count == 1)
    }

    @Test func requestLineShapes() {
        #expect(failure("GET /\r\nHost: k\r\n\r\n") == 400)
        #expect(failure("GET  / HTTP/1.1\r\nHost: k\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1 \r\nHost: k\r\n\r\n") == 400)
        #expect(failure("G(T / HTTP/1.1\r\nHost: k\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.2\r\nHost: k\r\n\r\n") == 400)
        #expect(failure("GET / HTTPS/1.1\r\nHost: k\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/2.0\r\nHost: k\r\n\r\n") == 505)
        #expect(failure("GET nopath HTTP/1.1\r\nHost: k\r\n\r\n") == 400)
        #expect(failure("\r\n") == 400)
        #expect(requests("OPTIONS * HTTP/1.1\r\nHost: k\r\n\r\n").first?.path == "*")
        #expect(requests("GET http://kiosk:8080/a/b?c=d HTTP/1.1\r\nHost: k\r\n\r\n").first?.path == "/a/b")
    }

    @Test func bareLineFeedsAreRejected() {
        #expect(failure("GET / HTTP/1.1\nHost: k\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\n\n") == 400)
        #expect(failure("POST / HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n1\nx\r\n0\r\n\r\n") == 400)
    }

    @Test func headerFieldShapes() {
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\nX-A: 1\r\n  folded\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\nX-A: 1\r\n\tfolded\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost : k\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost\t: k\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\nNoColon\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\n: empty\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\nX-A: a\u{1}b\r\n\r\n") == 400)
        #expect(failure("GET / HTTP/1.1\r\nHost: k\r\nX-A: a\rb\r\n\r\n") == 400)
    }

    @Test func utf8IsValidated() {
        let head = Array("GET /caf".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: k\r\nX-Name: Jos".utf8) + [0xC3, 0xA9] + Array("\r\n\r\n".utf8)
        let parsed = try? parseAll(head).get()
        #expect(parsed?.first?.path == "/café")
        #expect(parsed?.first?.headers["X-Name"] == "José")
        #expect(failure(Array("GET /a".utf8) + [0xFF] + Array(" HTTP/1.1\r\nHost: k\r\n\r\n".utf8)) == 400)
        #expect(failure(Array("GET /a".utf8) + [0xC3] + Array(" HTTP/1.1\r\nHost: k\r\n\r\n".utf8)) == 400)
        #expect(failure(Array("GET / HTTP/1.1\r\nHost: k\r\nX: a".utf8) + [0xED, 0xA0, 0x80] + Array("\r\n\r\n".utf8)) == 400)
        #expect(failure(Array("GET / HTTP/1.1\r\nHost: k\r\nX: ".utf8) + [0xC0, 0xAF] + Array("\r\n\r\n".utf8)) == 400)
    }
}

extension Result where Success == [HTTPRequest], Failure == HTTPParseError {
    var failureStatus: Int? {
        if case .failure(let error) = self { return error.status.code }
        return nil
    }
}
