import Foundation
import HTTPCore
import HTTPKit
import Posix
import Testing

@Suite("Server: streaming, disconnects, shutdown")
struct HTTPServerLifecycleTests {
    @Test func streamedResponseArrivesInParts() throws {
        let secondPartAllowed = DispatchSemaphore(value: 0)
        let server = try TestServer { request, writer in
            guard request.path == "/api/v1/events" else {
                writer.send(HTTPResponse(status: .ok))
                return
            }
            let stream = writer.startStream(HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/event-stream")])))
            DispatchQueue.global().async {
                stream.write(Array("data: one\n\n".utf8))
                secondPartAllowed.wait()
                stream.write(Array("data: two\n\n".utf8))
                stream.finish()
            }
        }
        defer { server.server.shutdown(grace: 1) }
        let client = try server.client()
        let stream = try client.openStream(path: "/api/v1/events")
        #expect(stream.status == 200)
        #expect(stream.headers["Transfer-Encoding"] == "chunked")
        #expect(stream.headers["Content-Type"] == "text/event-stream")
        #expect(try stream.nextChunk(timeout: 2) == Array("data: one\n\n".utf8))
        #expect(throws: HTTPClientError.timedOut) { try stream.nextChunk(timeout: 0.1) }
        secondPartAllowed.signal()
        #expect(try stream.nextChunk(timeout: 2) == Array("data: two\n\n".utf8))
        #expect(try stream.nextChunk(timeout: 2) == nil)
        // The connection stays usable after a finished stream.
        #expect(try client.send(method: "GET", path: "/after").status == 200)
    }

    @Test func streamNoticesThePeerLeaving() throws {
        let closed = DispatchSemaphore(value: 0)
        let writesRefused = Locked(false)
        let server = try TestServer { _, writer in
            let stream = writer.startStream(HTTPResponse(status: .ok))
            stream.onClose { closed.signal() }
            DispatchQueue.global().async {
                while stream.write(Array("tick\n".utf8)) { usleep(20_000) }
                writesRefused.withLock { $0 = true }
            }
        }
        defer { server.server.shutdown(grace: 1) }
        do {
            let client = try server.client()
            let stream = try client.openStream(path: "/events")
            #expect(try stream.nextChunk(timeout: 2) != nil)
            stream.close()
        }
        #expect(closed.wait(timeout: .now() + 3) == .success)
        // The writer learns of the close at its next write: wait for that (3 s at most).
        let limit = Date().addingTimeInterval(3)
        while !writesRefused.withLock({ $0 }) && Date() < limit { usleep(1_000) }
        #expect(writesRefused.withLock { $0 })
    }

    @Test func peerClosingMidResponseDoesNotHurtTheServer() throws {
        let big = [UInt8](repeating: 65, count: 8 << 20)
        let server = try TestServer { request, writer in
            writer.send(HTTPResponse(status: .ok, body: request.path == "/big" ? big : Array("small".utf8)))
        }
        defer { server.server.shutdown(grace: 1) }
        for _ in 0..<5 {
            let raw = try server.raw()
            raw.send("GET /big HTTP/1.1\r\nHost: k\r\n\r\n")
            _ = raw.receive()
        }
        let client = try server.client()
        let response = try client.send(method: "GET", path: "/small")
        #expect(response.text == "small")
    }

    @Test func gracefulShutdownLetsAnInFlightRequestFinish() throws {
        let received = DispatchSemaphore(value: 0)
        let server = try TestServer { request, writer in
            guard request.path == "/slow" else {
                writer.send(HTTPResponse(status: .ok))
                return
            }
            received.signal()
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.4) {
                writer.send(HTTPResponse(status: .ok, body: Array("finished".utf8)))
            }
        }
        let idle = try server.raw()
        idle.send("GET /warm HTTP/1.1\r\nHost: k\r\n\r\n")
        #expect(try idle.readResponse()?.status == 200)

        let result = Locked<HTTPClientResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        let port = server.port
        Thread {
            if let client = try? HTTPClient(host: "127.0.0.1", port: port, timeout: 5) {
                let response = try? client.send(method: "GET", path: "/slow")
                result.withLock { $0 = response }
            }
            done.signal()
        }.start()
        #expect(received.wait(timeout: .now() + 2) == .success)
        let started = Date()
        server.server.shutdown(grace: 5)
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(done.wait(timeout: .now() + 2) == .success)
        let response = try #require(result.withLock { $0 })
        #expect(response.text == "finished")
        #expect(response.headers["Connection"] == "close")
        #expect(idle.readUntilClose().closed)
        #expect(throws: (any Error).self) { try server.raw().send("GET / HTTP/1.1\r\nHost: k\r\n\r\n") }
    }

    @Test func shutdownGraceLimitsAStuckRequest() throws {
        let arrived = DispatchSemaphore(value: 0)
        let server = try TestServer { _, _ in arrived.signal() }
        let raw = try server.raw()
        raw.send("GET /never HTTP/1.1\r\nHost: k\r\n\r\n")
        #expect(arrived.wait(timeout: .now() + 10) == .success, "the request reached the responder")
        let started = Date()
        server.server.shutdown(grace: 0.3)
        let took = Date().timeIntervalSince(started)
        #expect(took >= 0.25 && took < 2)
        #expect(raw.readUntilClose().closed)
    }

    /// Run in a child process, so no other test opens or closes descriptors meanwhile.
    @Test func fiftyStartStopCyclesLeaveNoDescriptorOpen() async {
        await #expect(processExitsWith: .success) {
            func openDescriptors() -> Int {
                (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
            }
            func cycle() throws {
                let server = try TestServer()
                let client = try server.client()
                _ = try client.send(method: "GET", path: "/cycle")
                client.close()
                server.server.shutdown(grace: 1)
            }
            // One cycle first, for whatever the process opens once and keeps.
            try cycle()
            let before = openDescriptors()
            for _ in 0..<50 { try cycle() }
            let after = openDescriptors()
            guard before > 0, after == before else {
                FileHandle.standardError.write(Data("descriptors: \(before) before, \(after) after\n".utf8))
                exit(1)
            }
        }
    }
}
