import Foundation
import HTTPCore
import Posix
import Testing

@Suite("Server: timeouts, slow clients, connection limit")
struct HTTPServerTimeoutTests {
    @Test func incompleteHeadGets408ThenClose() throws {
        let server = try TestServer(configure: { $0.headerTimeout = 0.3 })
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("GET / HTTP/1.1\r\nHo")
        let started = Date()
        let (bytes, closed) = raw.readUntilClose()
        var parser = HTTPResponseParser()
        parser.feed(bytes)
        let response = try #require(try parser.next())
        #expect(response.status == 408)
        #expect(response.errorCode == "request_timeout")
        #expect(closed)
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(server.waitForLogs(1).first?.status == 408)
    }

    @Test func idleKeepAliveConnectionIsClosedSilently() throws {
        let server = try TestServer(configure: { $0.idleTimeout = 0.3 })
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send("GET / HTTP/1.1\r\nHost: k\r\n\r\n")
        #expect(try raw.readResponse()?.status == 200)
        let started = Date()
        let (bytes, closed) = raw.readUntilClose()
        #expect(closed)
        #expect(bytes.isEmpty)
        #expect(Date().timeIntervalSince(started) < 3)
    }

    /// A new connection gets the head's time for its first byte, not keep-alive's longer idle time.
    @Test func connectionWithNoBytesAtAllIsClosedSilentlyAfterTheHeadTime() throws {
        let server = try TestServer(configure: { $0.headerTimeout = 0.3 })
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        let (bytes, closed) = raw.readUntilClose()
        #expect(closed && bytes.isEmpty)
    }

    @Test func past503WhenTooManyConnections() throws {
        let server = try TestServer(configure: { $0.maxConnections = 2 })
        defer { server.server.shutdown(grace: 1) }
        let first = try server.raw(), second = try server.raw()
        for raw in [first, second] {
            raw.send("GET / HTTP/1.1\r\nHost: k\r\n\r\n")
            #expect(try raw.readResponse()?.status == 200)
        }
        let third = try server.raw()
        third.send("GET / HTTP/1.1\r\nHost: k\r\n\r\n")
        let (bytes, closed) = third.readUntilClose()
        var parser = HTTPResponseParser()
        parser.feed(bytes)
        let response = try #require(try parser.next())
        #expect(response.status == 503)
        #expect(response.errorCode == "service_unavailable")
        #expect(closed)
        #expect(server.waitForLogs(3).contains { $0.status == 503 })

        // Closing one frees a place for a new connection.
        second.send("GET / HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n")
        #expect(second.readUntilClose().closed)
        // The server frees the place once it has seen the close: ask until it has (5 s at most).
        let limit = Date().addingTimeInterval(5)
        var status: Int?
        repeat {
            let fourth = try server.raw()
            fourth.send("GET /again HTTP/1.1\r\nHost: k\r\n\r\n")
            status = try fourth.readResponse()?.status
        } while status == 503 && Date() < limit
        #expect(status == 200)
    }

    @Test func slowClientsDoNotHoldTheServer() throws {
        let server = try TestServer(configure: {
            $0.maxConnections = 400
            $0.maxConnectionsPerAddress = 400
        })
        defer { server.server.shutdown(grace: 1) }
        let slow = try (0..<200).map { _ in try server.raw() }
        let request = Array("GET /slow HTTP/1.1\r\nHost: k\r\n\r\n".utf8)
        let stop = Locked(false)
        let dripper = Thread {
            var index = 0
            while !stop.withLock({ $0 }) && index < request.count {
                for connection in slow { connection.send([request[index]]) }
                index += 1
                Thread.sleep(forTimeInterval: 1)
            }
        }
        dripper.start()
        defer { stop.withLock { $0 = true } }
        Thread.sleep(forTimeInterval: 1.5)
        for round in 0..<3 {
            // Served while all 200 slow requests are still unfinished (they need 30 s at a byte a second);
            // the client's timeout is a liveness bound, not a speed measurement.
            let client = try server.client(timeout: 5)
            let response = try client.send(method: "GET", path: "/fast\(round)")
            #expect(response.status == 200)
            Thread.sleep(forTimeInterval: 0.5)
        }
        #expect(server.logs.withLock { $0 }.allSatisfy { $0.path.hasPrefix("/fast") })
    }
}
