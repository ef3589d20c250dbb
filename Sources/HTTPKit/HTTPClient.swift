@preconcurrency import Glibc
import CLinux
import HTTPCore
import Posix

/// A small blocking HTTP/1.1 client over one keep-alive connection (tests, the load generator,
/// the terminal front, the issuer simulator's plain-http path).
///
/// It never sends a request twice. Before reusing a connection it peeks at it without blocking:
/// one the server closed while it sat idle shows end-of-stream (or a reset) before anything is
/// written, and only then is a new connection opened for the request. Once a byte of the request
/// is written, any failure is the caller's to judge: the server may have carried it out
/// (a POST that issued a badge), so re-sending it here could do it twice.
///
/// Not thread-safe: use one client per thread.
public final class HTTPClient {
    public let host: String
    public let port: Int
    public let timeout: Double
    /// The local address connections leave from; nil lets the system choose.
    public let sourceAddress: String?
    private var fd: Int32 = -1
    private var parser = HTTPResponseParser()
    /// The open connection already carried a response, so the server may have closed it since:
    /// it is peeked at before the next request goes out on it.
    private var reused = false
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    public init(host: String, port: Int, timeout: Double = 30, sourceAddress: String? = nil) throws {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.sourceAddress = sourceAddress
        try connect()
    }

    deinit {
        if fd >= 0 { FileDescriptor.close(fd) }
    }

    /// Sends one request and waits for its whole response.
    ///
    /// Throws `HTTPClientError.cannotConnect` when no connection could be made (nothing was sent);
    /// any other error means the request may have reached the server.
    public func send(method: String, path: String, headers: HTTPHeaders = .init(), body: [UInt8] = []) throws -> HTTPClientResponse {
        let request = serialize(method: method, path: path, headers: headers, body: body)
        if fd >= 0, reused, idleConnectionClosed() { close() }
        if fd < 0 {
            do {
                try connect()
            } catch {
                throw HTTPClientError.cannotConnect("\(error)")
            }
        }
        do {
            return try exchange(request, isHead: method == "HEAD")
        } catch {
            close()
            throw error
        }
    }

    /// Sends a GET and returns once the response head is in; the connection then belongs to the stream
    /// (the client opens a fresh one for its next request).
    public func openStream(path: String, headers: HTTPHeaders = .init()) throws -> HTTPClientStream {
        if fd < 0 { try connect() }
        let request = serialize(method: "GET", path: path, headers: headers, body: [])
        let socket = fd
        do {
            try writeAll(request)
            while true {
                if let head = try parser.nextHead() {
                    let stream = HTTPClientStream(fd: socket, parser: parser, status: head.status, headers: head.headers)
                    fd = -1
                    parser = HTTPResponseParser()
                    reused = false
                    return stream
                }
                guard try receive() > 0 else { throw HTTPClientError.connectionClosed }
            }
        } catch {
            close()
            throw error
        }
    }

    public func close() {
        if fd >= 0 { FileDescriptor.close(fd) }
        fd = -1
        parser = HTTPResponseParser()
        reused = false
    }

    /// Peeks at an idle keep-alive connection without blocking: true when the server has closed it
    /// (end of stream, a reset) or sent something unasked (a 408 before closing), so it must not carry
    /// the next request. A server that closes just after this look is caught by the caller's look-up.
    func idleConnectionClosed() -> Bool {
        var byte: UInt8 = 0
        let socket = fd
        switch systemCall("recv(MSG_PEEK)", { recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) }) {
        case .success: return true
        case let .failure(error): return !error.wouldBlock
        }
    }

    private func connect() throws {
        fd = try Socket.connect(host: host, port: port, timeout: timeout, from: sourceAddress)
        parser = HTTPResponseParser()
        reused = false
    }

    private func exchange(_ request: [UInt8], isHead: Bool) throws -> HTTPClientResponse {
        try writeAll(request)
        parser.expectingHeadResponse = isHead
        while true {
            if let response = try parser.next() {
                reused = true
                if response.headers.containsToken("close", in: "Connection") { close() }
                return response
            }
            if try receive() == 0 {
                if let response = try parser.finish() {
                    close()
                    return response
                }
                throw HTTPClientError.connectionClosed
            }
        }
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = try bytes.withUnsafeBytes { raw in
                try retryingEINTR("send") {
                    Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                }
            }
            offset += sent
        }
    }

    /// Reads once into the parser; 0 at end of stream.
    private func receive() throws -> Int {
        let socket = fd
        let count: Int
        do {
            count = try readBuffer.withUnsafeMutableBytes { raw throws(SystemError) in
                try retryingEINTR("recv") { recv(socket, raw.baseAddress, raw.count, 0) }
            }
        } catch let error as SystemError where error.wouldBlock {
            throw HTTPClientError.timedOut
        }
        readBuffer.withUnsafeBytes { parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        return count
    }

    private func serialize(method: String, path: String, headers: HTTPHeaders, body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + body.count)
        out.append(contentsOf: "\(method) \(path) HTTP/1.1\r\n".utf8)
        if !headers.contains("Host") { out.append(contentsOf: "Host: \(host):\(port)\r\n".utf8) }
        for (name, value) in headers {
            out.append(contentsOf: "\(name): \(value)\r\n".utf8)
        }
        let sendsLength = !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method)
        if sendsLength && !headers.contains("Content-Length") && !headers.contains("Transfer-Encoding") {
            out.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }
}
