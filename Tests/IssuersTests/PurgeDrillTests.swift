import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
@testable import KioskStore

/// Claim, send, purge, claim again: the repeat is the same claim and the issuer holds one award.
/// The purge is moved forward by the time passed to it, never by the machine's clock.
@Suite("Purge drills: a repeat after the purge is the same claim", .serialized)
struct PurgeDrillTests {
    /// (code lifetime in hours, retention in days): a code still valid at the repeat (it used to make
    /// a second claim and a second award) and one long expired (it used to answer 410).
    @Test(arguments: [(72, 1), (24 * 365, 30), (1, 1), (1, 30)])
    func repeatOverTheAPI(lifetimeHours: Int64, retentionDays: Int) throws {
        let drill = try Drill()
        let now = Timestamp.now()
        // The session ended two hours ago; a one-hour code has expired by the repeat.
        let endedAt = now.adding(seconds: -7200)
        let session = try drill.store.createSession(title: "Purge drill", badgeIDs: [Drill.badges[0].id], expected: 10,
                                                    at: endedAt.adding(seconds: -3600))
        let code = try drill.store.endSession(id: session.id, policy: CodePolicy(lifetimeSeconds: lifetimeHours * 3600),
                                              at: endedAt)
        let rig = try ServiceRig(drill, forwarder: try drill.startForwarder())
        guard case let .created(claim) = try drill.store.submitClaim(ClaimSubmission(
            codeID: code.id, claimant: try Claimant(name: "Sam", email: "sam@example.org", consent: true),
            newClaimID: "purge-drill-claim", at: endedAt.adding(seconds: 60))) else {
            Issue.record("the first claim was not created")
            return
        }
        drill.forwarder?.wake()
        try drill.awaitSettled(total: 1)

        let purgeAt = Timestamp.now().adding(seconds: Int64(retentionDays) * 86_400 + 60)
        #expect(try drill.store.purgePersonalData(olderThanDays: retentionDays, at: purgeAt) == 1)

        for email in ["sam@example.org", "Sam@Example.ORG"] {
            let body = #"{"code":"\#(code.short)","name":"Samuel","email":"\#(email)","consent":true}"#
            let repeated = try rig.send("POST", "/api/v1/claims", json: body, staff: false)
            #expect(repeated.status == 200)
            let detail = try #require(repeated.json["claim"] as? [String: Any])
            #expect(detail["id"] as? String == claim.id)
            #expect(detail["state"] as? String == "sent")
        }
        #expect(try drill.store.outboxSummary().counts == [.queued: 0, .sending: 0, .sent: 1, .failed: 0, .unsure: 0, .waiting: 0, .lapsed: 0])
        let held = drill.simulator.awards
        #expect(held.count == 1, "the issuer received \(held.count) awards")
        #expect(held.first?.email == "sam@example.org")
        #expect(held.first?.id == (try drill.storedAwards().first?.reference))
    }
}
