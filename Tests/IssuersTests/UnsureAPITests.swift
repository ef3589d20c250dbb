import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
@testable import KioskService
import KioskStore

@Suite("Unsure awards over the API", .serialized)
struct UnsureAPITests {
    /// Two Navigatr awards left unsure: the first never reached Navigatr (reset), the second did (timeout).
    private static func twoUnsure() throws -> (Drill, ServiceRig, lost: Int, arrived: Int) {
        let drill = try Drill(kind: .navigatr)
        let rig = try ServiceRig(drill, forwarder: try drill.startForwarder(concurrency: 1))
        // A fresh connection meets the reset, so it is not sent again underneath.
        drill.simulator.failNext(.reset)
        try drill.claim(1)
        try drill.awaitSettled(total: 1)
        drill.simulator.failNext(.timeout)
        try drill.claim(1)
        try drill.awaitSettled(total: 2)
        let ids = try drill.store.unsureAwards().map { Int($0.id) }
        try #require(ids.count == 2)
        return (drill, rig, ids[0], ids[1])
    }

    @Test func theOutboxListsUnsureAwardsInPlainWordsAndNeverSaysAllSent() throws {
        let (drill, rig, lost, _) = try Self.twoUnsure()
        let outbox = try rig.send("GET", "/api/v1/outbox")
        #expect(outbox.status == 200)
        #expect((outbox.json["counts"] as? [String: Int])?["unsure"] == 2)
        #expect((outbox.json["counts"] as? [String: Int])?["queued"] == 0)
        let unsure = try #require(outbox.json["unsure"] as? [[String: Any]])
        #expect(unsure.count == 2)
        let first = try #require(unsure.first)
        #expect(first["award"] as? Int == lost)
        #expect(first["badge"] as? String == "3425" && first["badgeName"] as? String == "Intro to Work — Day 1")
        #expect(first["email"] as? String == "learner1@example.org")
        let message = try #require(first["message"] as? String)
        #expect(message.contains("Check the badge's Recipients tab on Navigatr for learner1@example.org"))
        #expect(message.hasSuffix("Then choose Send again or It arrived."))
        #expect((first["actions"] as? [String: String]) == ["resend": "/api/v1/outbox/\(lost)/resend",
                                                             "arrived": "/api/v1/outbox/\(lost)/arrived"])
        let forwarding = try #require(outbox.json["forwarding"] as? [String: Any])
        #expect(forwarding["issuer"] as? String == "navigatr")
        let words = try #require(forwarding["message"] as? String)
        #expect(words.hasPrefix("2 awards may not have reached Navigatr") && !words.contains("Everything"))
        // The new list comes beside the fields clients already read.
        #expect(["counts", "lastErrors", "forwarding", "unsure"].allSatisfy(outbox.json.keys.contains))
        #expect((outbox.json["lastErrors"] as? [[String: Any]])?.count == 2)
        #expect(drill.simulator.awards.count == 1)
    }

    @Test func staffActionsNeedTheTokenAKnownAwardAndAnUnsureOne() throws {
        let (drill, rig, lost, arrived) = try Self.twoUnsure()
        for action in ["resend", "arrived"] {
            #expect(try rig.send("POST", "/api/v1/outbox/\(lost)/\(action)", staff: false).status == 401)
            #expect(try rig.send("POST", "/api/v1/outbox/999999/\(action)").status == 404)
            #expect(try rig.send("POST", "/api/v1/outbox/abc/\(action)").status == 404)
            #expect(try rig.send("GET", "/api/v1/outbox/\(lost)/\(action)").status == 405)
        }
        #expect(try rig.send("POST", "/api/v1/outbox/\(lost)/forget").status == 404)
        // The operator's plain retry would look first, which Navigatr cannot do: it is refused.
        let retry = try rig.send("POST", "/api/v1/outbox/\(lost)/retry")
        #expect(retry.status == 409 && (retry.json["error"] as? [String: Any])?["code"] as? String == "unsure")

        let marked = try rig.send("POST", "/api/v1/outbox/\(arrived)/arrived")
        #expect(marked.status == 200)
        #expect((marked.json["award"] as? [String: Any])?["state"] as? String == "sent")
        let again = try rig.send("POST", "/api/v1/outbox/\(arrived)/resend")
        #expect(again.status == 409 && (again.json["error"] as? [String: Any])?["code"] as? String == "not_unsure")

        let resent = try rig.send("POST", "/api/v1/outbox/\(lost)/resend")
        #expect(resent.status == 200)
        #expect((resent.json["award"] as? [String: Any])?["state"] as? String == "queued")
        try drill.awaitSettled(total: 2)
        try drill.expectExactlyOnce(2)
        let after = try rig.send("GET", "/api/v1/outbox")
        #expect((after.json["counts"] as? [String: Int])?["sent"] == 2)
        #expect((after.json["unsure"] as? [[String: Any]])?.isEmpty == true)
        #expect(((after.json["forwarding"] as? [String: Any])?["message"] as? String)?.hasPrefix("Everything has been sent") == true)
        #expect(try rig.send("POST", "/api/v1/outbox/\(lost)/arrived").status == 409)
    }

    @Test func aLearnerClaimingAgainHearsItIsNotSentYet() throws {
        let drill = try Drill(kind: .navigatr)
        let rig = try ServiceRig(drill, forwarder: try drill.startForwarder(concurrency: 1))
        let session = try rig.send("POST", "/api/v1/sessions", json: #"{"title":"Amplius","badges":["3426"],"expected":5}"#)
        let id = try #require((session.json["session"] as? [String: Any])?["id"] as? Int)
        let code = try #require((try rig.send("POST", "/api/v1/sessions/\(id)/end").json["code"] as? [String: Any])?["token"] as? String)
        let claim = #"{"code":"\#(code)","name":"Amira","email":"amira@example.org","consent":true}"#
        drill.simulator.failNext(.timeout)
        #expect(try rig.send("POST", "/api/v1/claims", json: claim, staff: false).status == 201)
        try drill.awaitSettled(total: 1)
        let repeated = try rig.send("POST", "/api/v1/claims", json: claim, staff: false)
        #expect(repeated.status == 200)
        #expect((repeated.json["claim"] as? [String: Any])?["state"] as? String == "unsure")
    }
}
