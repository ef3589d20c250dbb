@preconcurrency import Glibc
import Foundation
import Testing
@testable import HTTPKit
import Posix
import TestSupport

@Suite("HTTP client: a request is written once")
struct HTTPClientResendTests {
    @Test func aPostWhoseAnswerIsLostOnAReusedConnectionIsNotSentAgain() throws {
        let server = try ScriptedServer(script: [.answer, .closeUnanswered])
        let client = try HTTPClient(host: "127.0.0.1", port: server.port, timeout: 5)
        #expect(try client.send(method: "GET", path: "/v1/event").status == 200)
        #expect(throws: HTTPClientError.connectionClosed) {
            try client.send(method: "POST", path: "/v1/badge/demo/b1", body: Array("{}".utf8))
        }
        // The POST reached the server once, on the reused connection, and no second connection carried it again.
        #expect(server.requests == [.init(connection: 1, method: "GET"), .init(connection: 1, method: "POST")])
    }

    @Test func anIdleConnectionTheServerClosedIsReplacedBeforeSending() throws {
        let server = try ScriptedServer(script: [.answerThenClose, .answer])
        let client = try HTTPClient(host: "127.0.0.1", port: server.port, timeout: 5)
        #expect(try client.send(method: "GET", path: "/healthz").status == 200)
        server.awaitClosed(1)
        // The server's close reaches this socket a moment later on a busy machine: wait until it shows.
        let limit = Date().addingTimeInterval(5)
        while !client.idleConnectionClosed(), Date() < limit { usleep(1_000) }
        #expect(try client.send(method: "POST", path: "/api/v1/claims", body: Array("{}".utf8)).status == 200)
        #expect(server.requests == [.init(connection: 1, method: "GET"), .init(connection: 2, method: "POST")])
    }

    @Test func noConnectionMeansNothingWasSent() throws {
        let server = try ScriptedServer(script: [.answerThenClose])
        let client = try HTTPClient(host: "127.0.0.1", port: server.port, timeout: 5)
        #expect(try client.send(method: "GET", path: "/healthz").status == 200)
        server.awaitClosed(1)
        client.close()
        // The server has stopped listening: the next request finds no one to connect to.
        let refused = #expect(throws: HTTPClientError.self) {
            try client.send(method: "POST", path: "/api/v1/claims", body: Array("{}".utf8))
        }
        guard case .cannotConnect? = refused else {
            Issue.record("expected cannotConnect, got \(String(describing: refused))")
            return
        }
        #expect(server.requests.map(\.method) == ["GET"])
    }
}
