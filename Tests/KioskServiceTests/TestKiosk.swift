import Foundation
import HTTPCore
import HTTPKit
import KioskCore
import KioskService
import KioskStore
import Posix
import Testing
import TestSupport

/// A real service with a real SQLite file in a fresh folder, called in memory through a `ResponderRig`;
/// with `listening`, also behind a real server on a loopback port, for what only the wire shows.
final class TestKiosk: Sendable {
    static let badges = [
        Badge(id: "intro-day-1", name: "Intro to Work — Day 1", description: "Motivation and job habits"),
        Badge(id: "intro-day-2", name: "Intro to Work — Day 2", description: "Job search"),
    ]
    /// The port the service is told it is reached on when it does not listen: claim links carry it.
    static let inMemoryPort = 8080

    let directory: String
    let store: KioskStore
    let service: KioskService
    /// Nil unless the kiosk listens.
    let server: HTTPServer?
    let port: Int
    let token: String
    let rig: ResponderRig
    /// The server's request lines, when it listens.
    let logLines = LockedLines()
    /// What the service itself logged (not the request lines).
    let serviceLog = LockedLines()

    init(listening: Bool = false, configure: (inout ServiceConfiguration) -> Void = { _ in },
         prepare: (KioskStore) throws -> Void = { _ in }) throws {
        directory = try TestFolder.make()
        store = try KioskStore(directory: directory)
        for badge in Self.badges { try store.upsertBadge(badge) }
        try prepare(store)
        var configuration = ServiceConfiguration()
        configuration.listenHost = "127.0.0.1"
        configuration.listenPort = 0
        configuration.stateDirectory = directory
        configure(&configuration)
        token = try StaffToken.loadOrCreate(in: directory).value
        let serviceLog = serviceLog
        service = try KioskService(configuration: configuration, store: store,
                                   staffToken: StaffToken.loadOrCreate(in: directory), log: { serviceLog.append($0) })
        rig = ResponderRig(service, staffToken: token)
        guard listening else {
            server = nil
            port = Self.inMemoryPort
            service.announce(port: port)
            return
        }
        var serverConfiguration = HTTPServerConfiguration()
        serverConfiguration.host = "127.0.0.1"
        serverConfiguration.port = 0
        let lines = logLines
        let server = HTTPServer(configuration: serverConfiguration, responder: service) { lines.append(RequestLog.line(for: $0)) }
        self.server = server
        port = try server.start()
        service.announce(port: port)
    }

    deinit {
        server?.shutdown(grace: 1)
        store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// One request from the kiosk's own address (127.0.0.1): in memory, or over loopback when listening.
    func request(_ method: String, _ path: String, json: String? = nil, body: [UInt8]? = nil, staff: Bool = false,
                 headers extra: [(String, String)] = []) throws -> Reply {
        guard server != nil else {
            return Reply(try rig.request(HTTPMethod(rawValue: method), path, json: json, body: body, staff: staff, headers: extra))
        }
        let client = try HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        var headers = HTTPHeaders(extra)
        if staff { headers.add("Authorization", "Bearer \(token)") }
        if json != nil, headers["Content-Type"] == nil { headers.add("Content-Type", "application/json") }
        let response = try client.send(method: method, path: path, headers: headers, body: body ?? Array((json ?? "").utf8))
        return Reply(response)
    }

    /// A session with the given badges, ended: its code's token and short code.
    func endedSession(expected: Int = 12, badges: [String] = ["intro-day-1"]) throws -> (id: Int, token: String, short: String) {
        let list = badges.map { "\"\($0)\"" }.joined(separator: ",")
        let created = try request("POST", "/api/v1/sessions", json: #"{"title":"Day 1","badges":[\#(list)],"expected":\#(expected)}"#, staff: true)
        let id = try #require(created.object("session")?["id"] as? Int)
        let ended = try request("POST", "/api/v1/sessions/\(id)/end", staff: true)
        let code = try #require(ended.object("code"))
        return (id, try #require(code["token"] as? String), try #require(code["short"] as? String))
    }

    func claim(code: String, name: String = "Amira", email: String = "amira@example.com",
               consent: Bool = true, headers: [(String, String)] = []) throws -> Reply {
        let body: [String: Any] = ["code": code, "name": name, "email": email, "consent": consent]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        return try request("POST", "/api/v1/claims", json: json, headers: headers)
    }
}

/// An HTTP answer with its JSON body parsed.
struct Reply {
    let status: Int
    let headers: HTTPHeaders
    let text: String
    let json: [String: Any]

    init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        text = String(decoding: body, as: UTF8.self)
        json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    init(_ response: HTTPClientResponse) {
        self.init(status: response.status, headers: response.headers, body: response.body)
    }

    init(_ response: HTTPResponse) {
        self.init(status: response.status.code, headers: response.headers, body: response.body)
    }

    func object(_ key: String) -> [String: Any]? { json[key] as? [String: Any] }

    var errorCode: String? { object("error")?["code"] as? String }
    var errorMessage: String? { object("error")?["message"] as? String }
}

/// Lines collected from several threads.
final class LockedLines: Sendable {
    private let lines = Locked<[String]>([])

    /// Adds a line; answers how many there are now, counted under the same lock.
    @discardableResult
    func append(_ line: String) -> Int {
        lines.withLock { lines in
            lines.append(line)
            return lines.count
        }
    }

    var all: [String] { lines.withLock { $0 } }
}

/// Fresh temporary folders for state.
enum TestFolder {
    static func make() throws -> String {
        let path = NSTemporaryDirectory() + "badgekiosk-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
