@preconcurrency import Glibc
import CLinux
import Posix

/// A small blocking HTTP/1.1 client over one keep-alive connection (tests, the load generator,
/// the terminal front). Reconnects once if the server closed an idle connection.
///
/// Not thread-safe: use one client per thread.
public final class HTTPClient {
    public let host: String
    public let port: Int
    public let timeout: Double
    private var fd: Int32 = -1
    private var parser = HTTPResponseParser()
    /// The open connection already carried a response, so a failure before any byte of the next
    /// one most likely means the server closed it while idle.
    private var reused = false
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    public init(host: String, port: Int, timeout: Double = 30) throws {
        self.host = host
        self.port = port
        self.timeout = timeout
        try connect()
    }

    deinit {
        if fd >= 0 { FileDescriptor.close(fd) }
    }

    /// Sends one request and waits for its whole response.
    public func send(method: String, path: String, headers: HTTPHeaders = .init(), body: [UInt8] = []) throws -> HTTPClientResponse {
        let request = serialize(method: method, path: path, headers: headers, body: body)
        if fd < 0 { try connect() }
        let wasReused = reused
        do {
            return try exchange(request, isHead: method == "HEAD")
        } catch let failure as Failure where wasReused && failure.beforeResponse {
            close()
            try connect()
            return try exchange(request, isHead: method == "HEAD")
        } catch let failure as Failure {
            close()
            throw failure.error
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

    /// An error, and whether it happened before any byte of the response arrived.
    private struct Failure: Error {
        let error: any Error
        let beforeResponse: Bool
    }

    private func connect() throws {
        fd = try Socket.connect(host: host, port: port, timeout: timeout)
        parser = HTTPResponseParser()
        reused = false
    }

    private func exchange(_ request: [UInt8], isHead: Bool) throws -> HTTPClientResponse {
        do {
            try writeAll(request)
        } catch {
            throw Failure(error: error, beforeResponse: true)
        }
        parser.expectingHeadResponse = isHead
        var receivedAny = false
        while true {
            do {
                if let response = try parser.next() {
                    reused = true
                    if response.headers.containsToken("close", in: "Connection") { close() }
                    return response
                }
                let count = try receive()
                if count == 0 {
                    if let response = try parser.finish() {
                        close()
                        return response
                    }
                    throw HTTPClientError.connectionClosed
                }
                receivedAny = true
            } catch let error as SystemError where error.code == ECONNRESET || error.code == EPIPE {
                throw Failure(error: error, beforeResponse: !receivedAny)
            } catch HTTPClientError.connectionClosed {
                throw Failure(error: HTTPClientError.connectionClosed, beforeResponse: !receivedAny)
            } catch {
                throw Failure(error: error, beforeResponse: false)
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
