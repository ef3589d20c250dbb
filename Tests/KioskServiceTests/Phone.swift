import Foundation
@preconcurrency import Glibc
import HTTPCore
import Posix
import TestSupport

/// A phone on the venue Wi-Fi: its requests come from its own address (127.0.0.2 and up), so the
/// service sees a different peer for each phone, as it would on the venue network. In memory the
/// address is the request's; when the kiosk listens, each request goes out on a socket bound to it.
struct Phone: Sendable {
    let address: String
    let kiosk: TestKiosk

    struct NoAnswer: Error {}

    /// One request, from `address`; over loopback, on a connection of its own, answered once the service closes it.
    func send(_ method: String, _ path: String, body: [UInt8] = [], headers: [(String, String)] = []) throws -> Reply {
        guard kiosk.server != nil else {
            let method = HTTPMethod(rawValue: method)
            return Reply(try kiosk.rig.request(method, path, body: body, headers: headers, from: address))
        }
        let port = kiosk.port
        let fd = try retryingEINTR("socket") { socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        defer { FileDescriptor.close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        try retryingEINTR("setsockopt(SO_RCVTIMEO)") { setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size) }
        var local = Self.socketAddress(address, port: 0)
        _ = try Self.withSocketAddress(&local) { pointer, length in systemCall("bind(\(address))") { bind(fd, pointer, length) } }.get()
        var remote = Self.socketAddress("127.0.0.1", port: port)
        _ = try Self.withSocketAddress(&remote) { pointer, length in systemCall("connect") { connect(fd, pointer, length) } }.get()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        try request.withUnsafeBytes { try FileDescriptor.writeAll(fd, $0) }
        var parser = HTTPResponseParser()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = try buffer.withUnsafeMutableBytes { raw in
                systemCall("read") { read(fd, raw.baseAddress, raw.count) }
            }.get()
            if count == 0 { break }
            parser.feed(Array(buffer[..<count]))
            if let response = try parser.next() { return Reply(response) }
        }
        guard let response = try parser.finish() else { throw NoAnswer() }
        return Reply(response)
    }

    /// `POST /api/v1/claims` as a phone's browser would send it.
    func claim(code: String, name: String = "Amira", email: String = "amira@example.com") throws -> Reply {
        let body: [String: Any] = ["code": code, "name": name, "email": email, "consent": true]
        return try send("POST", "/api/v1/claims", body: Array(try JSONSerialization.data(withJSONObject: body)),
                        headers: [("Content-Type", "application/json")])
    }

    /// A claim page form, url-encoded from raw bytes (so a test can send bytes that are not text).
    func postForm(token: String, _ body: [UInt8]) throws -> Reply {
        try send("POST", "/c/\(token)", body: body, headers: [("Content-Type", "application/x-www-form-urlencoded")])
    }

    private static func withSocketAddress<T>(_ address: inout sockaddr_in,
                                             _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    private static func socketAddress(_ text: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        _ = inet_pton(AF_INET, text, &address.sin_addr)
        return address
    }
}

extension TestKiosk {
    /// Phone number `n` (2 and up): it talks from 127.0.0.`n`.
    func phone(_ number: Int) -> Phone {
        Phone(address: "127.0.0.\(number)", kiosk: self)
    }
}
