import Foundation
@preconcurrency import Glibc
import HTTPKit
import Testing

@Suite("Server: running out of descriptors")
struct HTTPServerDescriptorTests {
    @Test func theConnectionLimitStaysBelowTheOpenFileLimit() {
        let configuration = HTTPServerConfiguration(maxConnections: 1024, eventLoops: 2)
        let besides = configuration.descriptorsBesidesConnections
        #expect(besides >= 64 + 2 + 4)
        // systemd's default of 1,024 open files: connections give way to the reserve.
        #expect(configuration.connectionLimit(openFileLimit: 1024, reserve: 128) == 1024 - 128 - besides)
        // The shipped unit's 8,192: the configured limit stands.
        #expect(configuration.connectionLimit(openFileLimit: 8192, reserve: 128) == 1024)
        #expect(configuration.connectionLimit(openFileLimit: Int.max, reserve: 128) == 1024)
        // Absurdly low: still one connection, never zero or less.
        #expect(configuration.connectionLimit(openFileLimit: 50, reserve: 128) == 1)
    }

    /// In a child process, since it fills the whole descriptor table. With no descriptor left for an
    /// accepted connection, the client is still told 503 at once instead of waiting out its timeout.
    @Test func outOfDescriptorsAWaitingClientIsToldBusyNotLeftHanging() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            func fail(_ message: String) -> Never {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(1)
            }
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            limit.rlim_cur = 256
            guard setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { fail("setrlimit: \(errno)") }
            let server = try TestServer()
            var fillers: [Int32] = []
            while case let fd = open("/dev/null", O_RDONLY), fd >= 0 { fillers.append(fd) }
            guard errno == EMFILE, let last = fillers.popLast() else { fail("could not fill the descriptor table") }
            // The last free descriptor goes to the phone's socket; none is left for the server to accept it with.
            close(last)
            let phone = try server.raw(from: "127.0.0.2")
            let (response, closed) = try phone.responseBeforeClose()
            guard response?.status == 503, closed else { fail("phone got \(String(describing: response?.status)), closed: \(closed)") }

            for fd in fillers { close(fd) }
            let next = try server.raw(from: "127.0.0.3")
            next.send("GET / HTTP/1.1\r\nHost: k\r\n\r\n")
            guard try next.readResponse()?.status == 200 else { fail("the server did not recover once descriptors were free") }
            server.server.shutdown(grace: 0)
        }
        #expect(String(decoding: result?.standardErrorContent ?? [], as: UTF8.self) == "")
    }
}
