import HTTPCore
import Testing

@Suite("Headers, statuses, error bodies, response parser")
struct HTTPValueTests {
    @Test func headersAreOrderedAndCaseInsensitive() {
        var headers = HTTPHeaders([("Set-Cookie", "a"), ("Content-Type", "text/plain")])
        headers.add("set-cookie", "b")
        #expect(headers["SET-COOKIE"] == "a")
        #expect(headers.values("set-cookie") == ["a", "b"])
        #expect(headers.count == 3)
        headers.replaceOrAdd("Set-Cookie", "c")
        #expect(headers.values("Set-Cookie") == ["c"])
        #expect(Array(headers).map(\.name) == ["Set-Cookie", "Content-Type"])
        headers.replaceOrAdd("X-New", "1")
        #expect(headers["x-new"] == "1")
        #expect(headers["Content-Typf"] == nil)
        #expect(HTTPHeaders([("Connection", "keep-alive, Close")]).containsToken("close", in: "connection"))
    }

    @Test(arguments: [("application/json", "application/json"), ("Application/JSON; charset=utf-8", "application/json"),
                      (" \ttext/plain \t;x=1", "text/plain"), ("x/é", "x/é"), ("x/é ; q", "x/é"), (";", nil), (" \t ", nil),
                      ("", nil)] as [(String, String?)])
    func mediaTypeIsTheTypeAloneLowerCased(header: String, expected: String?) {
        let request = HTTPRequest(method: "POST", target: "/", headers: HTTPHeaders([("Content-Type", header)]))
        #expect(request.mediaType == expected)
        #expect(HTTPRequest(method: "POST", target: "/").mediaType == nil)
    }

    @Test func errorCodesAreSnakeCase() {
        #expect(HTTPStatus.badRequest.errorCode == "bad_request")
        #expect(HTTPStatus.payloadTooLarge.errorCode == "payload_too_large")
        #expect(HTTPStatus.uriTooLong.errorCode == "uri_too_long")
        #expect(HTTPStatus.requestHeaderFieldsTooLarge.errorCode == "header_fields_too_large")
        #expect(HTTPStatus.requestTimeout.errorCode == "request_timeout")
        #expect(HTTPStatus.unsupportedByServer.errorCode == "not_implemented")
        #expect(HTTPStatus.serviceUnavailable.errorCode == "service_unavailable")
        #expect(HTTPStatus.unprocessableContent.code == 422)
    }

    @Test func errorResponsesAreEscapedJSON() {
        let response = HTTPResponse.error(.badRequest, message: "Say \"hi\"\n\\")
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":{"code":"bad_request","message":"Say \"hi\"\n\\"}}"#)
    }

    @Test func responseParserHandlesLengthChunkedAndClose() throws {
        var parser = HTTPResponseParser()
        parser.feed(Array("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n".utf8))
        let first = try #require(try parser.next())
        #expect(first.status == 200 && first.body == Array("ok".utf8))
        let second = try #require(try parser.next())
        #expect(second.status == 201 && second.body == Array("abc".utf8))
        #expect(try parser.next() == nil)
        parser.feed(Array("HTTP/1.0 200 OK\r\n\r\nuntil close".utf8))
        #expect(try parser.next() == nil)
        #expect(try parser.finish()?.body == Array("until close".utf8))
    }

    @Test func responseParserSkipsTheBodyOfAHeadAnswer() throws {
        var parser = HTTPResponseParser()
        parser.expectingHeadResponse = true
        parser.feed(Array("HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\n".utf8))
        #expect(try parser.next()?.body == [])
        #expect(parser.isIdle)
    }

    @Test func responseParserRejectsATruncatedBody() {
        var parser = HTTPResponseParser()
        parser.feed(Array("HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\nabc".utf8))
        #expect(throws: HTTPParseError.self) { try parser.finish() }
    }
}
