import Foundation
import KioskAPI
import Testing

@Suite("API bodies: the outbox and live events")
struct OutboxBodyTests {
    @Test func anOutboxWithNoIssuerLeavesOutWhatItHasNot() throws {
        let literal = #"{"counts":{"failed":0,"lapsed":0,"queued":3,"sending":0,"sent":5,"unsure":0,"waiting":0},"forwarding":{"inFlight":0,"message":"No issuer is configured.","state":"off"},"lastErrors":[],"oldestQueuedAgeSeconds":90,"oldestQueuedAt":"2026-11-29T10:00:00Z","unsure":[]}"#
        try expectWire(literal, OutboxStatusReply(
            counts: .init(queued: 3, sending: 0, sent: 5, failed: 0, unsure: 0),
            oldestQueuedAt: try time("2026-11-29T10:00:00Z"), oldestQueuedAgeSeconds: 90, lastErrors: [], unsure: [],
            forwarding: .init(issuer: nil, state: .off, message: "No issuer is configured.", inFlight: 0)))
    }

    @Test func aPausedOutboxWithAnUnsureAward() throws {
        let unsure = #"{"actions":{"arrived":"/api/v1/outbox/41/arrived","resend":"/api/v1/outbox/41/resend"},"award":41,"badge":"day-1","badgeName":"Day 1","claim":"c_8f2k","claimedAt":"2026-11-29T09:10:00Z","email":"amira@example.org","error":"no answer","message":"Check Navigatr.","since":"2026-11-29T09:11:00Z"}"#
        let literal = #"{"counts":{"failed":1,"lapsed":0,"queued":0,"sending":0,"sent":5,"unsure":1,"waiting":0},"forwarding":{"inFlight":2,"issuer":"navigatr","message":"Paused.","pausedUntil":"2026-11-29T10:05:00Z","state":"paused"},"lastErrors":[{"at":"2026-11-29T09:12:00Z","award":40,"badge":"day-2","error":"HTTP 422"}],"unsure":[\#(unsure)]}"#
        let award = OutboxStatusReply.Unsure(
            award: 41, badge: "day-1", badgeName: "Day 1", email: "amira@example.org", claim: "c_8f2k",
            claimedAt: try time("2026-11-29T09:10:00Z"), since: try time("2026-11-29T09:11:00Z"), error: "no answer",
            message: "Check Navigatr.",
            actions: .init(resend: "/api/v1/outbox/41/resend", arrived: "/api/v1/outbox/41/arrived"))
        try expectWire(literal, OutboxStatusReply(
            counts: .init(queued: 0, sending: 0, sent: 5, failed: 1, unsure: 1), oldestQueuedAt: nil, oldestQueuedAgeSeconds: nil,
            lastErrors: [.init(award: 40, badge: "day-2", error: "HTTP 422", at: try time("2026-11-29T09:12:00Z"))],
            unsure: [award],
            forwarding: .init(issuer: "navigatr", state: .paused, message: "Paused.",
                              pausedUntil: try time("2026-11-29T10:05:00Z"), inFlight: 2)))
    }

    @Test func retryAndSettleAnswerTheAwardsState() throws {
        try expectWire(#"{"award":{"id":41,"state":"queued"}}"#, AwardReply(id: 41, state: "queued"))
    }

    @Test func eventKindsAreTheStreamsEventNames() {
        #expect(EventKind.allCases.map(\.rawValue) == ["claim", "session", "outbox", "address", "celebration"])
        #expect(EventKind(rawValue: "outbox") == .outbox)
    }

    @Test func eventData() throws {
        try expectWire(#"{"codeId":4,"sessionId":7}"#, ClaimEvent(sessionId: 7, codeId: 4))
        try expectWire(#"{"change":"ended","id":7}"#, SessionEvent(id: 7, change: .ended))
        try expectWire(#"{"award":41,"state":"sent"}"#, OutboxEvent(award: 41, state: "sent"))
    }
}
