import Foundation
import TestSupport
import Testing

/// Debian's stunnel in front of a loopback port, with a throwaway certificate made by openssl: https
/// to the simulator, as a real issuer speaks, trusted only by the test that passes `caFile` on.
///
/// stunnel opens one backend connection per client connection, so the simulator still sees which
/// requests arrived on a reused connection.
final class TLSFront {
    let port: Int
    /// The certificate to trust (self-signed, for 127.0.0.1).
    let caFile: String
    private let folder: String
    private let process = Process()

    init(backendPort: Int) throws {
        folder = NSTemporaryDirectory() + "badgekiosk-tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        caFile = "\(folder)/cert.pem"
        let made = try BuiltBinary.runTool("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "\(folder)/key.pem", "-out", caFile,
        ])
        try #require(made.status == 0, "openssl could not make a test certificate: \(made.err)")
        port = try Self.freePort()
        let configuration = """
            foreground = yes
            pid =
            output = \(folder)/stunnel.log
            [issuer]
            accept = 127.0.0.1:\(port)
            connect = 127.0.0.1:\(backendPort)
            cert = \(caFile)
            key = \(folder)/key.pem
            """
        try configuration.write(toFile: "\(folder)/stunnel.conf", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/stunnel4")
        process.arguments = ["\(folder)/stunnel.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try awaitListening()
    }

    deinit {
        // SIGKILL: a child started from a test thread that blocks SIGTERM inherits the block.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    var url: String { "https://127.0.0.1:\(port)" }

    /// Waits until stunnel accepts connections (10 s at most, which only stops a broken set-up).
    private func awaitListening() throws {
        let limit = Date().addingTimeInterval(10)
        while Date() < limit {
            if Self.accepts(port) { return }
            guard process.isRunning else { break }
            usleep(20_000)
        }
        let log = (try? String(contentsOfFile: "\(folder)/stunnel.log", encoding: .utf8)) ?? ""
        throw TLSFrontError(message: "stunnel did not start: \(log.suffix(400))")
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A port the kernel just handed out and took back: free for stunnel a moment later.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TLSFrontError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct TLSFrontError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
