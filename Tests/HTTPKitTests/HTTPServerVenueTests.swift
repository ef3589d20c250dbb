import Foundation
import HTTPKit
import Posix
import Testing

/// What a hostile socket does once connected: nothing, half a head, or a head and a byte of its body.
enum Hostile: String, CaseIterable, Sendable {
    case idle
    case slowHead
    case slowBody

    var opening: String {
        switch self {
        case .idle: ""
        case .slowHead: "POST /api/v1/claims HTTP/1.1\r\nHo"
        case .slowBody: "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nContent-Length: 84\r\n\r\n{"
        }
    }

    func open(_ server: TestServer, from source: String = "127.0.0.1") throws -> RawConnection {
        let raw = try server.raw(from: source)
        if !opening.isEmpty { raw.send(opening) }
        return raw
    }
}

/// Anyone on the venue Wi-Fi can reach the server: 127.0.0.1 plays the one misbehaving, 127.0.0.2
/// and up play the phones of everyone else.
@Suite("Server: one address cannot take it from the others")
struct HTTPServerVenueTests {
    private static let claim = "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nContent-Length: 2\r\n\r\n{}"

    /// At the real scale, with the real settings: 1,024 sockets opened at once from one address.
    @Test(arguments: Hostile.allCases)
    func aPhoneIsServedWhileOneAddressHolds1024Sockets(hostile: Hostile) throws {
        let server = try TestServer()
        defer { server.server.shutdown(grace: 0) }
        let hostiles = try (0..<1024).map { _ in try hostile.open(server) }
        let phone = try server.raw(from: "127.0.0.2")
        phone.send(Self.claim)
        #expect(try phone.readResponse()?.status == 200)

        // Every socket past the address's 32 was told 503, none reset unanswered; the 32 close at shutdown.
        server.server.shutdown(grace: 0)
        var told503 = 0
        var silent = 0
        for raw in hostiles {
            let (response, closed) = try raw.responseBeforeClose()
            #expect(closed)
            if let response {
                #expect(response.status == 503)
                #expect(response.errorCode == "service_unavailable")
                told503 += 1
            } else {
                silent += 1
            }
        }
        #expect(told503 == 1024 - 32)
        #expect(silent == 32)
    }

    @Test func oneAddressHoldsAtMostItsShare() throws {
        let server = try TestServer(configure: { $0.maxConnectionsPerAddress = 3 })
        defer { server.server.shutdown(grace: 1) }
        let held = try (0..<3).map { _ in try server.raw() }
        for raw in held {
            raw.send("GET / HTTP/1.1\r\nHost: k\r\n\r\n")
            #expect(try raw.readResponse()?.status == 200)
        }
        let (refused, closed) = try server.raw().responseBeforeClose()
        #expect(closed)
        #expect(refused?.status == 503)
        #expect(refused?.text.contains("Too many connections from your address") == true)

        let other = try server.raw(from: "127.0.0.2")
        other.send("GET /other HTTP/1.1\r\nHost: k\r\n\r\n")
        #expect(try other.readResponse()?.status == 200)

        // A place given back can be taken again.
        held[0].send("GET / HTTP/1.1\r\nHost: k\r\nConnection: close\r\n\r\n")
        #expect(held[0].readUntilClose().closed)
        let again = try server.raw()
        again.send("GET /again HTTP/1.1\r\nHost: k\r\n\r\n")
        #expect(try again.readResponse()?.status == 200)
    }

    /// A full server: the heaviest address gives up a connection so a new address is served.
    /// Idle connections go silently; a request still arriving is told 503.
    @Test(arguments: Hostile.allCases)
    func aFullServerShedsOneOfTheHeaviestAddressesConnections(hostile: Hostile) throws {
        // One loop, so the hostiles' first bytes are read before the phone's connection is taken
        // (the ninth's refusal comes back only after that loop has gone round): a request that has
        // begun is told 503, never mistaken for an idle connection, however busy the machine.
        let server = try TestServer(configure: {
            $0.maxConnections = 8
            $0.eventLoops = 1
        })
        defer { server.server.shutdown(grace: 0) }
        let hostiles = try (0..<8).map { _ in try hostile.open(server) }
        // A ninth from the same address is refused, so all eight hold their places.
        let (ninth, _) = try server.raw().responseBeforeClose()
        #expect(ninth?.status == 503)

        let phone = try server.raw(from: "127.0.0.2")
        phone.send(Self.claim)
        #expect(try phone.readResponse()?.status == 200)

        let shed = try #require(RawConnection.firstReadable(hostiles, within: 5))
        let (response, closed) = try hostiles[shed].responseBeforeClose()
        #expect(closed)
        if hostile == .idle {
            #expect(response == nil)
        } else {
            #expect(response?.status == 503)
            #expect(response?.text.contains("make room") == true)
        }
        var rest = hostiles
        rest.remove(at: shed)
        #expect(RawConnection.firstReadable(rest, within: 0) == nil)
    }

    /// Every byte arrives before the idle timeout, but the whole request is due within the head's
    /// time plus its body at the slowest rate allowed.
    @Test(arguments: [
        ("POST /slow HTTP/1.1\r\nHost: k\r\nContent-Length: 84\r\n\r\n", "x"),
        ("POST /slow HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n", "1\r\nx\r\n"),
        ("GET /slow HTTP/1.1\r\nHost: k\r\nX-Slow: ", "a"),
    ])
    func aTrickledRequestIsEndedByItsDeadline(opening: String, drip: String) throws {
        let server = try TestServer(configure: {
            $0.headerTimeout = 0.3
            $0.minimumBodyRate = 1000
            $0.requestTimeout = 1
        })
        defer { server.server.shutdown(grace: 1) }
        let raw = try server.raw()
        raw.send(opening)
        let stop = Locked(false)
        let dripper = Thread {
            // 84 drips 50 ms apart would take 4 s; each is well inside the 30 s idle timeout.
            for _ in 0..<84 where !stop.withLock { $0 } {
                raw.send(drip)
                usleep(50_000)
            }
        }
        dripper.start()
        defer { stop.withLock { $0 = true } }
        let (response, closed) = try raw.responseBeforeClose()
        #expect(response?.status == 408)
        #expect(response?.errorCode == "request_timeout")
        #expect(closed)
        #expect(server.waitForLogs(1).first?.status == 408)
    }
}
