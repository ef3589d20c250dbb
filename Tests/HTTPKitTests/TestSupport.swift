import Foundation
@preconcurrency import Glibc
import HTTPCore
import HTTPKit
import Posix
import TestSupport

/// A responder built from a closure.
struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest, any HTTPResponseWriter) -> Void

    func respond(to request: HTTPRequest, writer: any HTTPResponseWriter) {
        body(request, writer)
    }
}

/// A server on an ephemeral loopback port that records its log.
final class TestServer: Sendable {
    let server: HTTPServer
    let port: Int
    let logs = Locked<[HTTPLogEntry]>([])

    init(
        _ respond: @escaping @Sendable (HTTPRequest, any HTTPResponseWriter) -> Void = TestServer.echo,
        configure: (inout HTTPServerConfiguration) -> Void = { _ in }
    ) throws {
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        let logs = self.logs
        server = HTTPServer(configuration: configuration, responder: ClosureResponder(body: respond)) { entry in
            logs.withLock { $0.append(entry) }
        }
        port = try server.start()
    }

    /// Answers 200 with "method path" and the request body.
    static let echo: @Sendable (HTTPRequest, any HTTPResponseWriter) -> Void = { request, writer in
        writer.send(HTTPResponse(status: .ok, body: Array("\(request.method) \(request.target)\n".utf8) + request.body))
    }

    func client(timeout: Double = 5) throws -> HTTPClient {
        try HTTPClient(host: "127.0.0.1", port: port, timeout: timeout)
    }

    /// A raw connection leaving from `source`: any of 127.0.0.0/8 stands for another device.
    func raw(from source: String = "127.0.0.1", timeout: Double = 5) throws -> RawConnection {
        try RawConnection(port: port, from: source, timeout: timeout)
    }

    /// Waits until the log holds `count` entries (they are written on the loop thread).
    func waitForLogs(_ count: Int, within seconds: Double = 2) -> [HTTPLogEntry] {
        let deadline = Date().addingTimeInterval(seconds)
        while logs.withLock({ $0 }).count < count && Date() < deadline { usleep(5_000) }
        return logs.withLock { $0 }
    }
}

struct SocketFailure: Error, CustomStringConvertible {
    let description: String
}

/// A plain blocking TCP connection for sending exact bytes and reading what comes back.
/// Sendable so a helper thread can drip bytes into it; each test uses one from one thread at a time.
final class RawConnection: @unchecked Sendable {
    let fd: Int32
    /// Kept across reads: one receive can carry the start of the next pipelined response.
    private var parser = HTTPResponseParser()

    init(port: Int, from source: String = "127.0.0.1", timeout: Double = 5) throws {
        guard let fd = Loopback.connect(port: port, from: source) else {
            throw SocketFailure(description: "connect from \(source): \(errno)")
        }
        self.fd = fd
        setTimeout(timeout)
    }

    deinit {
        close(fd)
    }

    func setTimeout(_ seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Reads one chunk; nil on end of stream, timeout or error.
    func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[0..<count]) : nil
    }

    /// Reads one response (skipping 100 Continue), or nil if the connection ends first.
    func readResponse(toHead: Bool = false) throws -> HTTPClientResponse? {
        parser.expectingHeadResponse = toHead
        while true {
            if let response = try parser.next() { return response }
            guard let bytes = receive() else { return try parser.finish() }
            parser.feed(bytes)
        }
    }

    /// The index of the first of `connections` with something to read or closed by the server,
    /// waiting at most `seconds` (a liveness bound); nil if none.
    static func firstReadable(_ connections: [RawConnection], within seconds: Double) -> Int? {
        var watched = connections.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        guard poll(&watched, nfds_t(watched.count), Int32(seconds * 1000)) > 0 else { return nil }
        return watched.firstIndex { $0.revents != 0 }
    }

    /// The response the server sent before closing, if any, and whether it closed (rather than timed out).
    func responseBeforeClose() throws -> (response: HTTPClientResponse?, closed: Bool) {
        let (bytes, closed) = readUntilClose()
        var parser = HTTPResponseParser()
        parser.feed(bytes)
        return (try parser.next(), closed)
    }

    /// Everything until the peer closes, and whether it did close (rather than time out).
    func readUntilClose() -> (bytes: [UInt8], closed: Bool) {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                all += buffer[0..<count]
                continue
            }
            return (all, count == 0 || errno == ECONNRESET)
        }
    }
}

extension HTTPClientResponse {
    /// The decoded JSON error code, for `{"error":{"code":...}}` bodies.
    var errorCode: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let error = object["error"] as? [String: Any] else { return nil }
        return error["code"] as? String
    }
}
