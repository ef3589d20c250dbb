import Foundation
import KioskAPI
import Testing

@Suite("API bodies: sessions and codes")
struct SessionBodyTests {
    let code = #"{"claimed":2,"expiresAt":"2026-12-02T17:30:00Z","maxClaims":14,"short":"K7M-2QX","token":"q1w2e3","url":"http://192.168.1.20:8080/c/q1w2e3"}"#

    func codeDetail() throws -> CodeDetail {
        CodeDetail(token: "q1w2e3", short: "K7M-2QX", url: "http://192.168.1.20:8080/c/q1w2e3",
                   expiresAt: try time("2026-12-02T17:30:00Z"), maxClaims: 14, claimed: 2)
    }

    @Test func requests() throws {
        try expectWire(#"{"badges":["day-1"],"expected":12,"title":"Tuesday group"}"#,
                       SessionRequest(title: "Tuesday group", badges: ["day-1"], expected: 12))
        try expectWire(#"{"count":20}"#, SlipsRequest(count: 20))
        try expectWire(#"{"maxClaims":30}"#, LimitRequest(maxClaims: 30))
    }

    @Test func aRunningSessionHasNoEndOrCode() throws {
        let literal = #"{"session":{"badges":["day-1"],"claimed":0,"createdAt":"2026-11-29T09:00:00Z","expected":12,"id":7,"title":"Tuesday group","waitingForEmail":0}}"#
        try expectWire(literal, SessionReply(session: SessionDetail(id: 7, title: "Tuesday group", badges: ["day-1"], expected: 12,
                                                                    claimed: 0, createdAt: try time("2026-11-29T09:00:00Z"))))
    }

    @Test func anEndedSessionCarriesItsCode() throws {
        let literal = #"{"sessions":[{"badges":["day-1"],"claimed":2,"code":\#(code),"createdAt":"2026-11-29T09:00:00Z","endedAt":"2026-11-29T11:30:00Z","expected":12,"id":7,"title":"Tuesday group","waitingForEmail":0}]}"#
        let session = SessionDetail(id: 7, title: "Tuesday group", badges: ["day-1"], expected: 12, claimed: 2,
                                    createdAt: try time("2026-11-29T09:00:00Z"), endedAt: try time("2026-11-29T11:30:00Z"),
                                    code: try codeDetail())
        try expectWire(literal, SessionsReply(sessions: [session]))
    }

    @Test func codesAndSlips() throws {
        try expectWire(#"{"code":\#(code)}"#, CodeReply(code: try codeDetail()))
        try expectWire(#"{"codes":[\#(code)]}"#, SlipsReply(codes: [try codeDetail()]))
    }

    @Test func aCreatedSessionWithoutIdDoesNotRead() {
        let literal = #"{"session":{"badges":["day-1"],"claimed":0,"createdAt":"2026-11-29T09:00:00Z","expected":12,"title":"Tuesday group","waitingForEmail":0}}"#
        #expect(throws: DecodingError.self) { try KioskAPI.decode(SessionReply.self, from: Array(literal.utf8)) }
    }
}
