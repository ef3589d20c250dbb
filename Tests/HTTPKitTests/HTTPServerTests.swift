import Foundation
import HTTPCore
import HTTPKit
import Posix
import Testing

@Suite("Server: requests over loopback")
struct HTTPServerTests {
    @Test func keepAliveReusesOneConnection() throws {
        let server = try TestServer { request, writer in
            writer.send(HTTPResponse(status: .ok, body: Array(request.remoteAddress.utf8)))
        }
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        for _ in 0..<3 {
            raw.send("GET /healthz HTTP/1.1\r\nHost: k\r\n\r\n")
            let response = try #require(try raw.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "127.0.0.1")
            #expect(response.headers["Content-Length"] == "9")
            #expect(response.headers["Connection"] == nil)
        }
        let logs: [HTTPLogEntry] = server.waitForLogs(3)
        #expect(logs.map { $0.path } == ["/healthz", "/healthz", "/healthz"])
        let allGood = logs.allSatisfy { entry in
            entry.status == 200 && entry.method == "GET" && entry.remoteAddress == "127.0.0.1" && entry.durationMs >= 0
        }
        #expect(allGood)
    }

    @Test func clientReconnectsAfterTheServerClosesAnIdleConnection() throws {
        let server = try TestServer(configure: { $0.idleTimeout = 0.2 })
        defer { server.server.shutdown(grace: 1) }
        let client = try server.client()
        #expect(try client.send(method: "GET", path: "/a").status == 200)
        usleep(500_000)
        let again = try client.send(method: "POST", path: "/b", body: Array("x".utf8))
        #expect(again.text == "POST /b\nx")
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let plain = try server.raw()
        plain.send("GET /old HTTP/1.0\r\n\r\n")
        let (bytes, closed) = plain.readUntilClose()
        #expect(closed)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Connection: close\r\n"))

        let kept = try server.raw()
        kept.send("GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse()?.headers["Connection"] == "keep-alive")
        kept.send("GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse()?.text == "GET /2\n")
    }

    @Test func connectionCloseIsHonoured() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("GET / HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\nHost: k\r\n\r\n")
        let (bytes, closed) = raw.readUntilClose()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(closed)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.contains("Connection: close\r\n"))
        #expect(!text.contains("ignored"))
    }

    @Test func headRequestsGetHeadersButNoBody() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("HEAD /page HTTP/1.1\r\nHost: k\r\n\r\nGET /next HTTP/1.1\r\nHost: k\r\n\r\n")
        let head = try #require(try raw.readResponse(toHead: true))
        #expect(head.headers["Content-Length"] == "11")
        #expect(head.body.isEmpty)
        #expect(try raw.readResponse()?.text == "GET /next\n")
    }

    @Test func pipelinedRequestsAreAnsweredInOrderOneAtATime() async throws {
        let inFlight = Locked((now: 0, most: 0))
        let server = try TestServer { request, writer in
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            // Earlier requests take longer, so answers would come out of order if dispatched together.
            let delay = request.path == "/1" ? 0.3 : (request.path == "/2" ? 0.1 : 0.0)
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                inFlight.withLock { $0.now -= 1 }
                writer.send(HTTPResponse(status: .ok, body: Array(request.path.utf8)))
            }
        }
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send((1...4).map { "GET /\($0) HTTP/1.1\r\nHost: k\r\n\r\n" }.joined())
        var bodies: [String] = []
        for _ in 1...4 { bodies.append(try #require(try raw.readResponse()).text) }
        #expect(bodies == ["/1", "/2", "/3", "/4"])
        #expect(inFlight.withLock { $0 }.most == 1)
    }

    @Test func manyConnectionsAnsweredFromOtherThreadsOutOfOrder() async throws {
        let server = try TestServer { request, writer in
            let delay = Double((Int(request.path.dropFirst()) ?? 0) % 5) * 0.01
            DispatchQueue.global().asyncAfter(deadline: .now() + (0.2 - delay)) {
                writer.send(HTTPResponse(status: .ok, body: Array(request.path.utf8)))
            }
        }
        defer { server.server.shutdown(grace: 1) }
        let results = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            guard let client = try? server.client() else { return }
            for round in 0..<3 {
                let path = "/\(index * 3 + round)"
                if let response = try? client.send(method: "GET", path: path), response.text == path {
                    results.withLock { $0.append(path) }
                }
            }
        }
        #expect(results.withLock { $0 }.count == 48)
    }

    @Test func oneHundredContinueOverTheWire() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("POST /upload HTTP/1.1\r\nHost: k\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        let interim = String(decoding: try #require(raw.receive()), as: UTF8.self)
        #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
        raw.send("hello")
        #expect(try raw.readResponse()?.text == "POST /upload\nhello")
    }

    @Test func chunkedRequestBodiesArriveDechunked() throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        // Sent in two writes: the body arrives in one read or two, and either way is whole.
        raw.send("POST /c HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n")
        raw.send("2\r\nde\r\n0\r\nTrailer: t\r\n\r\n")
        #expect(try raw.readResponse()?.text == "POST /c\nabcde")
    }
}
