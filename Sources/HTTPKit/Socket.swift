@preconcurrency import Glibc
import CLinux
import Posix

/// TCP socket set-up shared by the server and the client.
enum Socket {
    /// Resolves `host` and calls `body` with each address until it returns a descriptor.
    private static func withAddresses(
        _ host: String, _ port: Int, passive: Bool,
        _ body: (UnsafeMutablePointer<addrinfo>) throws(SystemError) -> Int32
    ) throws(SystemError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw SystemError(call: "getaddrinfo(\(host)): \(String(cString: gai_strerror(status)))", code: EINVAL)
        }
        defer { freeaddrinfo(first) }
        var lastError = SystemError(call: "socket(\(host))", code: EADDRNOTAVAIL)
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let entry = current {
            do {
                return try body(entry)
            } catch {
                lastError = error
            }
            current = entry.pointee.ai_next
        }
        throw lastError
    }

    /// A non-blocking listening socket on host:port.
    static func listen(host: String, port: Int, backlog: Int32 = 1024) throws(SystemError) -> Int32 {
        try withAddresses(host, port, passive: true) { entry throws(SystemError) in
            let info = entry.pointee
            let fd = try retryingEINTR("socket") {
                socket(info.ai_family, info.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), info.ai_protocol)
            }
            do throws(SystemError) {
                var on: Int32 = 1
                try retryingEINTR("setsockopt(SO_REUSEADDR)") {
                    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
                }
                try retryingEINTR("bind(\(host):\(port))") { bind(fd, info.ai_addr, info.ai_addrlen) }
                try retryingEINTR("listen") { Glibc.listen(fd, backlog) }
                return fd
            } catch {
                FileDescriptor.close(fd)
                throw error
            }
        }
    }

    /// A connected blocking socket, with send and receive timeouts of `timeout` seconds, leaving
    /// from the local address `source` when one is given.
    static func connect(host: String, port: Int, timeout: Double, from source: String? = nil) throws(SystemError) -> Int32 {
        try withAddresses(host, port, passive: false) { entry throws(SystemError) in
            let info = entry.pointee
            let fd = try retryingEINTR("socket") {
                socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.ai_protocol)
            }
            do throws(SystemError) {
                try setTimeouts(fd, timeout)
                if let source { try bindLocal(fd, to: source, family: info.ai_family) }
                try retryingEINTR("connect(\(host):\(port))") { Glibc.connect(fd, info.ai_addr, info.ai_addrlen) }
                setNoDelay(fd)
                return fd
            } catch {
                FileDescriptor.close(fd)
                throw error
            }
        }
    }

    /// Binds `fd` to the local address `source`, any port, before it connects.
    private static func bindLocal(_ fd: Int32, to source: String, family: Int32) throws(SystemError) {
        _ = try withAddresses(source, 0, passive: false) { entry throws(SystemError) in
            guard entry.pointee.ai_family == family else { throw SystemError(call: "bind(\(source))", code: EAFNOSUPPORT) }
            return try retryingEINTR("bind(\(source))") { Glibc.bind(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen) }
        }
    }

    static func setTimeouts(_ fd: Int32, _ seconds: Double) throws(SystemError) {
        let whole = seconds.rounded(.down)
        var value = timeval(tv_sec: Int(whole), tv_usec: Int((seconds - whole) * 1e6))
        let size = socklen_t(MemoryLayout<timeval>.size)
        try retryingEINTR("setsockopt(SO_RCVTIMEO)") { setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, size) }
        try retryingEINTR("setsockopt(SO_SNDTIMEO)") { setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, size) }
    }

    /// Responses go out in one write each, so Nagle's delay would only add latency.
    static func setNoDelay(_ fd: Int32) {
        var on: Int32 = 1
        _ = try? retryingEINTR("setsockopt(TCP_NODELAY)") {
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// Accepts one pending connection as non-blocking, with the peer's address as text.
    static func accept(_ listener: Int32) throws(SystemError) -> (fd: Int32, address: String) {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemError) in
            let address = UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: sockaddr.self)
            return try retryingEINTR("accept4") { accept4(listener, address, &length, flags) }
        }
        return (fd, addressText(&storage))
    }

    /// The port a socket is bound to.
    static func localPort(_ fd: Int32) throws(SystemError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemError) in
            let address = UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: sockaddr.self)
            try retryingEINTR("getsockname") { getsockname(fd, address, &length) }
        }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            let raw = UnsafeRawPointer(pointer)
            if family == AF_INET6 {
                return Int(UInt16(bigEndian: raw.assumingMemoryBound(to: sockaddr_in6.self).pointee.sin6_port))
            }
            return Int(UInt16(bigEndian: raw.assumingMemoryBound(to: sockaddr_in.self).pointee.sin_port))
        }
    }

    /// "127.0.0.1" or "::1"; an IPv4-mapped IPv6 address is shown as plain IPv4.
    static func addressText(_ storage: inout sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer -> String in
            let raw = UnsafeRawPointer(pointer)
            if family == AF_INET {
                var address = raw.assumingMemoryBound(to: sockaddr_in.self).pointee.sin_addr
                guard inet_ntop(AF_INET, &address, &text, socklen_t(text.count)) != nil else { return "" }
            } else if family == AF_INET6 {
                var address = raw.assumingMemoryBound(to: sockaddr_in6.self).pointee.sin6_addr
                guard inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil else { return "" }
            } else {
                return ""
            }
            let result = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return result.hasPrefix("::ffff:") && result.contains(".") ? String(result.dropFirst(7)) : result
        }
    }
}
