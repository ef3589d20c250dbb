import Foundation
@preconcurrency import Glibc
import HTTPCore
import HTTPKit
import KioskCore
import KioskStore
import Testing
import TestSupport
@testable import KioskService

/// `badgekiosk serve` on a shared network: 127.0.0.1 plays the device that misbehaves,
/// 127.0.0.2 and up the learners' phones.
@Suite("The service on the venue network", .serialized)
struct VenueNetworkTests {
    /// A session's claim code, made through the staff API.
    private static func claimCode(_ server: ServiceProcess) throws -> String {
        let token = try String(contentsOfFile: "\(server.stateDirectory)/\(StaffToken.fileName)", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let staff = try HTTPClient(host: "127.0.0.1", port: server.port)
        defer { staff.close() }
        let auth = HTTPHeaders([("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")])
        let created = Reply(try staff.send(method: "POST", path: "/api/v1/sessions", headers: auth,
                                           body: Array(#"{"title":"Venue","badges":["day-1"],"expected":10}"#.utf8)))
        let id = try #require(created.object("session")?["id"] as? Int)
        let ended = Reply(try staff.send(method: "POST", path: "/api/v1/sessions/\(id)/end", headers: auth))
        return try #require(ended.object("code")?["token"] as? String)
    }

    @Test func theCapPerAddressIsASetting() throws {
        let defaults = try ServiceConfiguration.load(path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        #expect(defaults.maxConnectionsPerAddress == 32)
        let set = try ServiceConfiguration.load(
            path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null", "BADGEKIOSK_MAX_CONNECTIONS_PER_ADDRESS": "8"])
        #expect(set.maxConnectionsPerAddress == 8)
        let error = #expect(throws: ConfigError.self) {
            try ServiceConfiguration.load(
                path: nil, environment: ["BADGEKIOSK_CONFIG": "/dev/null", "BADGEKIOSK_MAX_CONNECTIONS_PER_ADDRESS": "2"])
        }
        #expect(error?.key == "BADGEKIOSK_MAX_CONNECTIONS_PER_ADDRESS")
    }

    @Test func aLearnerClaimsWhileOneAddressHolds1024Sockets() throws {
        let state = try TestFolder.make() + "/state"
        do {
            let store = try KioskStore(directory: state)
            try store.upsertBadge(Badge(id: "day-1", name: "Day 1"))
            store.close()
        }
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state)
        defer { server.stop() }
        let code = try Self.claimCode(server)
        let hostiles = (0..<1024).compactMap { _ in Loopback.connect(port: server.port, from: "127.0.0.1") }
        defer { hostiles.forEach { close($0) } }
        #expect(hostiles.count == 1024)

        let phone = try HTTPClient(host: "127.0.0.1", port: server.port, timeout: 10, sourceAddress: "127.0.0.2")
        let body = #"{"code":"\#(code)","name":"Amira","email":"amira@example.com","consent":true}"#
        let reply = Reply(try phone.send(method: "POST", path: "/api/v1/claims",
                                         headers: HTTPHeaders([("Content-Type", "application/json")]), body: Array(body.utf8)))
        #expect(reply.status == 201)
        #expect(reply.object("claim")?["state"] as? String == "queued")
    }

    /// In a child process, which lowers its open-file limit for the `badgekiosk serve` it starts.
    @Test func serveKeepsItsConnectionsBelowItsOpenFileLimit() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            func fail(_ message: String) -> Never {
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(1)
            }
            let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
            var limit = rlimit()
            getrlimit(resource, &limit)
            let ours = limit.rlim_cur
            limit.rlim_cur = 300
            setrlimit(resource, &limit)
            let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: try TestFolder.make() + "/state")
            defer { server.stop() }
            limit.rlim_cur = ours
            setrlimit(resource, &limit)

            let allowed = HTTPServerConfiguration(maxConnections: 1024, eventLoops: 2)
                .connectionLimit(openFileLimit: 300, reserve: ServiceHost.descriptorReserve)
            guard allowed > 1, server.log.contains("the open-file limit is 300, so at most \(allowed) connections") else {
                fail("no word of the lowered limit in the log: \(server.log)")
            }
            // One phone per address, so no address is heavier than another and none sheds.
            let phones = try (0..<allowed).map { index in
                try HTTPClient(host: "127.0.0.1", port: server.port, timeout: 10, sourceAddress: "127.0.\(index / 200 + 1).\(index % 200 + 2)")
            }
            for phone in phones where try phone.send(method: "GET", path: "/healthz").status != 200 {
                fail("a phone within the limit was not served")
            }
            let late = try HTTPClient(host: "127.0.0.1", port: server.port, timeout: 10, sourceAddress: "127.0.9.9")
            let answer = try late.send(method: "GET", path: "/healthz")
            guard answer.status == 503 else { fail("past the limit: \(answer.status), not 503") }
        }
        #expect(String(decoding: result?.standardErrorContent ?? [], as: UTF8.self) == "")
    }
}
