@preconcurrency import Glibc
import Foundation
import Posix

/// A raw TCP server on loopback that reads each whole request and then follows a script: answer and keep
/// the connection, answer and close it, or close without answering (as a proxy that loses the answer).
/// It records every request it read, with the connection it came on, and stops listening when the
/// script is done.
public final class ScriptedServer: @unchecked Sendable {
    public enum Step: Sendable {
        case answer
        case answerThenClose
        case closeUnanswered
    }

    public struct Seen: Equatable, Sendable {
        public var connection: Int
        public var method: String

        public init(connection: Int, method: String) {
            self.connection = connection
            self.method = method
        }
    }

    public let port: Int
    private let listener: Int32
    private let condition = NSCondition()
    private var script: [Step]
    private var seen: [Seen] = []
    private var closedConnections = 0

    public init(script: [Step]) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                try retryingEINTR("bind") { bind(fd, raw, length) }
                try retryingEINTR("listen") { listen(fd, 8) }
                try retryingEINTR("getsockname") { getsockname(fd, raw, &length) }
            }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Every request read so far.
    public var requests: [Seen] { condition.withLock { seen } }

    /// Waits until the server has closed `count` connections (at most 10 s, which only stops a hung test).
    public func awaitClosed(_ count: Int) {
        let limit = Date().addingTimeInterval(10)
        condition.lock()
        while closedConnections < count, condition.wait(until: limit) {}
        condition.unlock()
    }

    /// Stops listening once the script is played out, so a later connect is refused.
    private func serve() {
        var connection = 0
        var finished = false
        while !finished {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                FileDescriptor.close(listener)
                break
            }
            connection += 1
            handle(fd, connection: connection)
            FileDescriptor.close(fd)
            // The listener goes before the close is told, so a waiter that sees it finds nobody listening.
            finished = condition.withLock { script.isEmpty }
            if finished { FileDescriptor.close(listener) }
            condition.withLock {
                closedConnections += 1
                condition.broadcast()
            }
        }
    }

    /// Serves requests on one connection until the script says to close it.
    private func handle(_ fd: Int32, connection: Int) {
        var buffer: [UInt8] = []
        while let (method, rest) = Self.readRequest(fd, buffer) {
            buffer = rest
            let step = condition.withLock {
                seen.append(Seen(connection: connection, method: method))
                return script.isEmpty ? Step.closeUnanswered : script.removeFirst()
            }
            if step == .closeUnanswered { return }
            let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)
            _ = answer.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if step == .answerThenClose { return }
        }
    }

    /// Reads one request (head and Content-Length body); its method and any bytes after it.
    private static func readRequest(_ fd: Int32, _ start: [UInt8]) -> (String, [UInt8])? {
        var buffer = start
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let text = String(decoding: buffer, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n") {
                let head = String(text[..<end.lowerBound])
                let length = head.split(separator: "\r\n").compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                    return Int(parts[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 0
                let headBytes = text[..<end.upperBound].utf8.count
                if buffer.count >= headBytes + length {
                    let method = String(head.prefix { $0 != " " })
                    return (method, Array(buffer[(headBytes + length)...]))
                }
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
        }
    }
}
