@preconcurrency import Glibc
import Foundation
import HTTPCore
import KioskStore
import Testing
import TestSupport

/// Everything an attacker on the venue Wi-Fi was seen to try: what is malformed on the wire against a live
/// service on loopback, the rest in memory. Each case: the
/// expected answer, the service healthy afterwards, and nothing stored changed.
@Suite("Hostile input catalogue", .serialized)
struct HostileInputCatalogueTests {
    /// Raw bytes on the wire and the status they must get (nil: the connection is closed unanswered is not allowed,
    /// so every case names one).
    static let wire: [(name: String, bytes: [UInt8], status: Int)] = [
        ("Content-Length and Transfer-Encoding together", Array(
            "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8), 400),
        ("two different Content-Lengths", Array(
            "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}".utf8), 400),
        ("Transfer-Encoding on HTTP/1.0", Array(
            "POST /api/v1/claims HTTP/1.0\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8), 400),
        ("a header folded over two lines", Array("GET /healthz HTTP/1.1\r\nHost: k\r\nX-A: b\r\n c\r\n\r\n".utf8), 400),
        ("a space before the colon", Array("GET /healthz HTTP/1.1\r\nHost: k\r\nContent-Length : 0\r\n\r\n".utf8), 400),
        ("a NUL byte in a header", Array("GET /healthz HTTP/1.1\r\nHost: k\r\nX-A: a".utf8) + [0] + Array("b\r\n\r\n".utf8), 400),
        ("a NUL byte in the path", Array("GET /heal".utf8) + [0] + Array("thz HTTP/1.1\r\nHost: k\r\n\r\n".utf8), 400),
        ("invalid UTF-8 in the path", Array("GET /c/".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\nHost: k\r\n\r\n".utf8), 400),
        ("no Host", Array("GET /healthz HTTP/1.1\r\n\r\n".utf8), 400),
        ("a transfer coding other than chunked last", Array(
            "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: gzip\r\n\r\n".utf8), 400),
        ("an unknown transfer coding before chunked", Array(
            "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n".utf8), 501),
        ("a chunk size that overflows", Array(
            "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n".utf8), 400),
        ("a body larger than allowed", Array(
            "POST /api/v1/claims HTTP/1.1\r\nHost: k\r\nContent-Length: 99999999\r\n\r\n".utf8), 413),
        ("a header block too large", Array(("GET /healthz HTTP/1.1\r\nHost: k\r\nX-A: " + String(repeating: "a", count: 70_000)
                                            + "\r\n\r\n").utf8), 431),
        ("a target too long", Array(("GET /" + String(repeating: "a", count: 20_000) + " HTTP/1.1\r\nHost: k\r\n\r\n").utf8), 414),
    ]

    /// Paths that try to leave the routes: never a file, never a 5xx.
    static let traversal = ["/../../etc/passwd", "/c/..%2f..%2fetc%2fpasswd", "/c/%C0%AF%C0%AF", "/api/v1/../../../etc/shadow",
                            "/api/v1/sessions/1/..%2f..%2fend", "/%2e%2e/%2e%2e/", "/c/%00"]

    @Test func malformedRequestsOnTheWire() throws {
        let kiosk = try TestKiosk(listening: true)
        let before = try Self.stored(kiosk)
        for attack in Self.wire {
            #expect(Self.send(attack.bytes, to: kiosk.port) == attack.status, "\(attack.name)")
            #expect(try kiosk.request("GET", "/healthz").status == 200, "unhealthy after \(attack.name)")
        }
        #expect(try Self.stored(kiosk) == before)
    }

    @Test func pathsThatTryToLeaveTheRoutes() throws {
        let kiosk = try TestKiosk(listening: true)
        let before = try Self.stored(kiosk)
        for path in Self.traversal {
            let status = try #require(Self.send(Array("GET \(path) HTTP/1.1\r\nHost: k\r\n\r\n".utf8), to: kiosk.port))
            #expect(status == 404 || status == 400, "\(path) → \(status)")
        }
        #expect(try kiosk.request("GET", "/healthz").status == 200)
        #expect(try Self.stored(kiosk) == before)
    }

    @Test func hostileClaimBodies() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let code = session.short
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let cases: [(String, [UInt8], Int)] = [
            ("deep JSON", Array(deep.utf8), 400),
            ("JSON nested in a field", Array(#"{"code":"\#(code)","name":{"a":{"b":[1,2,3]}},"email":"a@b.org","consent":true}"#.utf8), 400),
            ("invalid UTF-8", Array(#"{"code":"\#(code)","name":"A"#.utf8) + [0xC3, 0x28] + Array(#"","email":"a@b.org","consent":true}"#.utf8), 400),
            ("overlong UTF-8", Array(#"{"code":"\#(code)","name":"A"#.utf8) + [0xC0, 0xBC] + Array(#"","email":"a@b.org","consent":true}"#.utf8), 400),
            ("a NUL in the name", Array(#"{"code":"\#(code)","name":"Am\u0000ira","email":"a@b.org","consent":true}"#.utf8), 400),
            ("a header in the email", Array(#"{"code":"\#(code)","name":"Amira","email":"a@b.org\r\nBcc: x@y.org","consent":true}"#.utf8), 400),
            ("only invisible characters", Array(#"{"code":"\#(code)","name":"\u200B\u200D","email":"a@b.org","consent":true}"#.utf8), 400),
            ("a huge name", Array(#"{"code":"\#(code)","name":"\#(String(repeating: "a", count: 5000))","email":"a@b.org","consent":true}"#.utf8), 400),
            ("no consent", Array(#"{"code":"\#(code)","name":"Amira","email":"a@b.org","consent":false}"#.utf8), 400),
            ("a code that is SQL", Array(#"{"code":"' OR 1=1 --","name":"Amira","email":"a@b.org","consent":true}"#.utf8), 404),
            ("not JSON", Array("code=\(code)&name=Amira".utf8), 400),
        ]
        let before = try Self.stored(kiosk)
        for (name, body, status) in cases {
            let reply = try Self.post(body, to: "/api/v1/claims", kiosk: kiosk)
            #expect(reply.status == status, "\(name): \(reply.status) \(reply.text)")
            #expect(reply.errorCode != nil, "\(name) got no plain error")
        }
        #expect(try kiosk.request("GET", "/healthz").status == 200)
        #expect(try Self.stored(kiosk) == before)
    }

    @Test func injectionInEveryFieldIsStoredAsText() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let name = "Robert'); DROP TABLE claims;-- \"x\" \\ %s %n {{7*7}} ${jndi:x}"
        let reply = try kiosk.claim(code: session.short, name: name, email: "robert+tables@example.org")
        #expect(reply.status == 201, "\(reply.text)")
        let claims = try kiosk.store.claims(sessionID: Int64(session.id))
        #expect(claims.map(\.name) == [name], "stored exactly as given, and the table is still there")
        let title = try kiosk.request("POST", "/api/v1/sessions",
                                      json: #"{"title":"x'); DELETE FROM sessions;--","badges":["intro-day-1"],"expected":3}"#,
                                      staff: true)
        #expect(title.status == 201)
        #expect(try kiosk.request("GET", "/api/v1/sessions/\(session.id)", staff: true).status == 200)
    }

    @Test func forgedStaffTokens() throws {
        let kiosk = try TestKiosk()
        let before = try Self.stored(kiosk)
        let forged = ["Bearer ", "Bearer x", "Bearer \(kiosk.token)x", "Bearer \(kiosk.token.dropLast())",
                      "bearer \(kiosk.token)", "Basic \(kiosk.token)", "Bearer \(kiosk.token.uppercased())", kiosk.token]
        for header in forged {
            let reply = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"t","badges":["intro-day-1"],"expected":3}"#,
                                          headers: [("Authorization", header)])
            #expect(reply.status == 401, "\(header.prefix(12))… → \(reply.status)")
            #expect(reply.headers["WWW-Authenticate"] != nil)
        }
        #expect(try Self.stored(kiosk) == before)
    }

    @Test func forgedClaimPageForms() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let claim = [("name", "Amira"), ("email", "amira@example.com"), ("step", "consent"), ("go", "yes")]
        let before = try Self.stored(kiosk)
        let otherSession = try kiosk.endedSession()
        let otherSignature = try ClaimPageBrowser(kiosk, token: otherSession.token).openForm()
        // One hex digit changed (to another digit: a signature may already end in 0).
        let altered = String(signature.dropLast()) + (signature.hasSuffix("0") ? "1" : "0")
        for form in [altered, otherSignature, String(repeating: "A", count: 5000), ""] {
            #expect(try browser.post(claim + [("form", form)]).status == 403)
        }
        #expect(try kiosk.request("GET", "/healthz").status == 200)
        #expect(try Self.stored(kiosk).filter { $0.hasPrefix("claims") || $0.hasPrefix("awards") }
                == before.filter { $0.hasPrefix("claims") || $0.hasPrefix("awards") })
    }

    // MARK: Helpers

    /// Every row of the tables that hold what learners and staff made, as text: equal means nothing changed.
    static func stored(_ kiosk: TestKiosk) throws -> [String] {
        let connection = try Connection.open(path: kiosk.store.path, readOnly: true)
        defer { connection.close() }
        var rows: [String] = []
        for table in ["claims", "awards", "sessions", "session_badges", "claim_codes", "badges", "programmes"] {
            let names = try connection.prepare("SELECT name FROM pragma_table_info('\(table)')")
            var columns: [String] = []
            while try names.step() { columns.append("quote(\(names.text(at: 0) ?? ""))") }
            let statement = try connection.prepare("SELECT \(columns.joined(separator: " || '|' || ")) FROM \(table) ORDER BY rowid")
            while try statement.step() { rows.append("\(table) " + (statement.text(at: 0) ?? "")) }
        }
        return rows
    }

    /// Posts raw body bytes as JSON.
    static func post(_ body: [UInt8], to path: String, kiosk: TestKiosk) throws -> Reply {
        try kiosk.request("POST", path, body: body, headers: [("Content-Type", "application/json")])
    }

    /// Sends raw bytes and reads the status line of the answer; nil when none came.
    static func send(_ bytes: [UInt8], to port: Int) -> Int? {
        guard let fd = Loopback.connect(port: port) else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(UInt8(ascii: "\n")) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}
