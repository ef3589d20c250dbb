@preconcurrency import Glibc
import HTTPCore
import Posix

/// The body of a streamed response (e.g. server-sent events), read piece by piece as it arrives.
public final class HTTPClientStream {
    public let status: Int
    public let headers: HTTPHeaders
    private var fd: Int32
    private var parser: HTTPResponseParser
    private var ended = false
    private var readBuffer = [UInt8](repeating: 0, count: 65536)

    init(fd: Int32, parser: HTTPResponseParser, status: Int, headers: HTTPHeaders) {
        self.fd = fd
        self.parser = parser
        self.status = status
        self.headers = headers
    }

    deinit {
        close()
    }

    /// The body bytes that have arrived since the last call, waiting up to `timeout` seconds for
    /// some; nil once the body has ended. Throws `HTTPClientError.timedOut` when nothing came.
    public func nextChunk(timeout: Double) throws -> [UInt8]? {
        let deadline = MonotonicClock.nanoseconds() + MonotonicClock.nanoseconds(seconds: timeout)
        while !ended {
            var part: [UInt8] = []
            ended = try parser.readBody(into: &part)
            if !part.isEmpty { return part }
            if ended { break }
            guard fd >= 0 else { throw HTTPClientError.connectionClosed }
            let now = MonotonicClock.nanoseconds()
            guard now < deadline else { throw HTTPClientError.timedOut }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
            let ready = try retryingEINTR("poll") { poll(&poller, 1, milliseconds) }
            if ready == 0 { throw HTTPClientError.timedOut }
            let socket = fd
            let count = try readBuffer.withUnsafeMutableBytes { raw throws(SystemError) in
                try retryingEINTR("recv") { recv(socket, raw.baseAddress, raw.count, 0) }
            }
            if count == 0 {
                close()
                if try parser.finish() != nil { ended = true } else { throw HTTPClientError.connectionClosed }
                continue
            }
            readBuffer.withUnsafeBytes { parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return nil
    }

    public func close() {
        if fd >= 0 { FileDescriptor.close(fd) }
        fd = -1
    }
}
