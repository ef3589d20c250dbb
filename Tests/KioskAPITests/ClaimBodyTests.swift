import Foundation
import KioskAPI
import Testing

@Suite("API bodies: claims, badges, programmes, status")
struct ClaimBodyTests {
    @Test func claimRequestCarriesWhatTheLearnerTyped() throws {
        try expectWire(#"{"code":"K7M2QX","consent":true,"email":"amira@example.org","name":"Amira"}"#,
                       ClaimRequest(code: "K7M2QX", name: "Amira", email: "amira@example.org", consent: true))
    }

    @Test func aCodeCheckSendsTheCodeAlone() throws {
        try expectWire(#"{"code":"K7M2QX"}"#, ClaimRequest(code: "K7M2QX"))
    }

    @Test func claimReply() throws {
        try expectWire(#"{"claim":{"badges":["day-1","intro-complete"],"id":"c_8f2k","sessionId":12,"state":"queued"}}"#,
                       ClaimReply(claim: .init(id: "c_8f2k", state: "queued", badges: ["day-1", "intro-complete"], sessionId: 12)))
    }

    @Test func badgesAndSync() throws {
        let badge = BadgeDetail(id: "day-1", name: "Intro to Work: Day 1", description: "Came and took part.")
        try expectWire(#"{"badges":[{"description":"Came and took part.","id":"day-1","name":"Intro to Work: Day 1"}]}"#,
                       BadgesReply(badges: [badge]))
        try expectWire(#"{"badges":[{"description":"Came and took part.","id":"day-1","name":"Intro to Work: Day 1"}],"synced":1}"#,
                       SyncReply(synced: 1, badges: [badge]))
    }

    @Test func programmes() throws {
        try expectWire(#"{"badges":["day-1","day-2"],"completion":"intro-complete","name":"Intro to Work"}"#,
                       ProgrammeRequest(name: "Intro to Work", badges: ["day-1", "day-2"], completion: "intro-complete"))
        let programme = ProgrammeDetail(id: 3, name: "Intro to Work", badges: ["day-1", "day-2"], completion: "intro-complete")
        try expectWire(#"{"programme":{"badges":["day-1","day-2"],"completion":"intro-complete","id":3,"name":"Intro to Work"}}"#,
                       ProgrammeReply(programme: programme))
        try expectWire(#"{"programmes":[{"badges":["day-1","day-2"],"completion":"intro-complete","id":3,"name":"Intro to Work"}]}"#,
                       ProgrammesReply(programmes: [programme]))
    }

    @Test func healthAndErrors() throws {
        try expectWire(#"{"status":"ok"}"#, HealthReply())
        try expectWire(#"{"error":{"code":"unknown_code","message":"That code did not work."}}"#,
                       ErrorReply(code: "unknown_code", message: "That code did not work."))
    }

    @Test func aReplyMissingARequiredFieldDoesNotRead() {
        #expect(throws: DecodingError.self) {
            try KioskAPI.decode(ClaimReply.self, from: Array(#"{"claim":{"badges":[],"id":"c_1","state":"queued"}}"#.utf8))
        }
    }
}
