import Foundation
import HTTPCore
import Testing

@Suite("Server: malformed requests and limits over the wire")
struct HTTPServerErrorTests {
    /// Sends `bytes`, expects one error response with a JSON body, then the connection closing.
    private func expectError(_ bytes: [UInt8], status: Int, code: String, on server: TestServer) throws {
        let raw = try server.raw()
        raw.send(bytes)
        let (received, closed) = raw.readUntilClose()
        var parser = HTTPResponseParser()
        parser.feed(received)
        let response = try #require(try parser.next())
        #expect(response.status == status)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers["Connection"] == "close")
        #expect(response.errorCode == code)
        #expect(closed)
    }

    private func expectError(_ text: String, status: Int, code: String, on server: TestServer) throws {
        try expectError(Array(text.utf8), status: status, code: code, on: server)
    }

    @Test func malformedRequestGets400ThenClose() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        try expectError("GET / HTTP/1.1\r\n\r\n", status: 400, code: "bad_request", on: server)
        try expectError("GET / HTTP/1.1\nHost: k\n\n", status: 400, code: "bad_request", on: server)
        try expectError("POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400, code: "bad_request", on: server)
        try expectError(Array("GET /\u{FF}".utf8.dropLast(2)) + [0xFF] + Array(" HTTP/1.1\r\nHost: k\r\n\r\n".utf8), status: 400, code: "bad_request", on: server)
        try expectError("POST / HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501, code: "not_implemented", on: server)
        let logs = server.waitForLogs(5)
        #expect(logs.map(\.status) == [400, 400, 400, 400, 501])
    }

    @Test func errorAfterAGoodRequestStillAnswersTheGoodOneFirst() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("GET /fine HTTP/1.1\r\nHost: k\r\n\r\nGET /bad HTTP/1.1\r\n\r\n")
        let (bytes, closed) = raw.readUntilClose()
        var parser = HTTPResponseParser()
        parser.feed(bytes)
        #expect(try parser.next()?.status == 200)
        #expect(try parser.next()?.status == 400)
        #expect(closed)
    }

    @Test func limitsOverTheWire() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let longLine = "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: k\r\n\r\n"
        try expectError(longLine, status: 414, code: "uri_too_long", on: server)
        let bigHeaders = "GET / HTTP/1.1\r\nHost: k\r\nX: " + String(repeating: "v", count: 33000) + "\r\n\r\n"
        try expectError(bigHeaders, status: 431, code: "header_fields_too_large", on: server)
        let manyHeaders = "GET / HTTP/1.1\r\nHost: k\r\n" + (0..<101).map { "F\($0): v\r\n" }.joined() + "\r\n"
        try expectError(manyHeaders, status: 431, code: "header_fields_too_large", on: server)
        let bigBody = "POST / HTTP/1.1\r\nHost: k\r\nContent-Length: 70000\r\n\r\n" + String(repeating: "b", count: 70000)
        try expectError(bigBody, status: 413, code: "payload_too_large", on: server)
        let bigChunks = "POST / HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: "8000\r\n" + String(repeating: "c", count: 32768) + "\r\n", count: 3)
        try expectError(bigChunks, status: 413, code: "payload_too_large", on: server)
    }

    @Test func bodyAtTheLimitIsServed() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let client = try server.client()
        let response = try client.send(method: "POST", path: "/big", body: [UInt8](repeating: 7, count: 65536))
        #expect(response.status == 200)
        #expect(response.body.count == "POST /big\n".utf8.count + 65536)
    }

    @Test func oversizedExpectContinueIsRefusedWithoutContinue() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("POST / HTTP/1.1\r\nHost: k\r\nExpect: 100-continue\r\nContent-Length: 70000\r\n\r\n")
        let text = String(decoding: raw.readUntilClose().bytes, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 413 Payload Too Large\r\n"))
        #expect(!text.contains("100 Continue"))
    }
}
