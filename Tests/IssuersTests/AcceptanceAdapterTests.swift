import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskStore

/// Each adapter's acceptance question against the simulator on loopback, and the reading of answers.
@Suite("Acceptance: asking each issuer", .serialized)
struct AcceptanceAdapterTests {
    static func award(_ kind: IssuerKind) -> OutboxItem {
        OutboxItem(id: 1, claimID: "claim-1", badgeID: kind == .navigatr ? "3425" : "intro-to-work-day-1", name: "Amira",
                   email: "amira@example.org", claimedAt: .now(), attempts: 1, verify: false)
    }

    /// Issues the award through `adapter`; returns it as a sent award, with the issuer's reference.
    static func sent(_ adapter: any IssuerAdapter, kind: IssuerKind) throws -> SentAward {
        guard case let .sent(reference) = adapter.issue(award(kind)) else { throw IssuerError("not issued") }
        return SentAward(id: 1, reference: reference, badgeID: award(kind).badgeID, email: "amira@example.org",
                         sentAt: .now(), checkedAt: nil)
    }

    static func acceptancePaths(_ drill: Drill) -> [String] {
        drill.simulator.requests.map(\.path).filter { $0.hasSuffix("/assertion") || $0.hasPrefix("/v1/issued/") }
    }

    @Test(arguments: [IssuerKind.obf, .navigatr])
    func pendingUntilTheLearnerAcceptsThenAcceptedWithTheIssuersTime(kind: IssuerKind) throws {
        let drill = try Drill(kind: kind)
        let adapter = makeIssuerAdapter(drill.settings)
        #expect(adapter.canTellAcceptance)
        let sent = try Self.sent(adapter, kind: kind)
        #expect(adapter.acceptance(sent) == .pending)
        #expect(drill.simulator.accept(id: sent.reference) == 1)
        guard case let .accepted(at?) = adapter.acceptance(sent) else { Issue.record("not accepted"); return }
        #expect(abs(at.milliseconds - Timestamp.now().milliseconds) < 60_000)
        drill.simulator.accept(id: sent.reference, as: .revoked)
        #expect(adapter.acceptance(sent) == .pending, "revoked is told, and never counted as accepted")
        #expect(Self.acceptancePaths(drill).count == 3)
    }

    @Test func badgrCannotTellAndIsNeverAsked() throws {
        let drill = try Drill(kind: .badgr)
        let adapter = makeIssuerAdapter(drill.settings)
        #expect(!adapter.canTellAcceptance)
        let sent = SentAward(id: 1, reference: "abcDEF123", badgeID: "intro-to-work-day-1", email: "amira@example.org",
                             sentAt: .now(), checkedAt: nil)
        #expect(adapter.acceptance(sent) == .notKnown)
        #expect(drill.simulator.requests.isEmpty)
    }

    @Test func obfMatchesTheLearnerByEmailAndAsksNothingItCannotMatch() throws {
        let drill = try Drill(kind: .obf)
        let adapter = makeIssuerAdapter(drill.settings)
        var sent = try Self.sent(adapter, kind: .obf)
        sent.email = "AMIRA@Example.org"
        #expect(adapter.acceptance(sent) == .pending)
        sent.email = "someone.else@example.org"
        #expect(adapter.acceptance(sent) == .notKnown)
        let asked = Self.acceptancePaths(drill).count
        sent.email = nil
        #expect(adapter.acceptance(sent) == .notKnown, "the purge erased the email: nothing to match by")
        sent.email = "amira@example.org"
        sent.reference = KioskStore.confirmedByStaff
        #expect(adapter.acceptance(sent) == .notKnown)
        #expect(Self.acceptancePaths(drill).count == asked)
        sent.reference = "E999999"
        #expect(adapter.acceptance(sent) == .notKnown, "an event OBF does not have")
    }

    @Test func obfReadsLinesOrAnArrayAndNeverGuessesAccepted() {
        func read(_ body: String, email: String = "amira@example.org") -> AcceptanceResult {
            let reply = IssuerReply(status: 200, headers: [:], body: Data(body.utf8))
            return OBFAdapter.acceptance(of: StatusRules.records(reply).filter { ($0["email"] as? String)?.lowercased() == email })
        }
        #expect(read(#"[{"email":"Amira@example.org","status":"accepted","accepted_on":1800000000}]"#)
            == .accepted(at: Timestamp(milliseconds: 1_800_000_000_000)))
        #expect(read("{\"email\":\"x@example.org\",\"status\":\"accepted\"}\n{\"email\":\"amira@example.org\",\"status\":\"pending\"}\n")
            == .pending)
        #expect(read(#"{"email":"amira@example.org","status":"accepted"}"#) == .accepted(at: nil))
        #expect(read(#"{"email":"amira@example.org","status":"rejected"}"#) == .pending)
        #expect(read(#"{"email":"amira@example.org","status":"revoked"}"#) == .pending)
        #expect(read(#"{"email":"amira@example.org","status":"maybe"}"#) == .notKnown)
        #expect(read(#"{"email":"amira@example.org"}"#) == .notKnown)
        #expect(read("") == .notKnown)
    }

    @Test func navigratReadsEveryDocumentedStatusAndNothingElse() {
        let claimed = Timestamp(ISO8601DateFormatter().date(from: "2027-01-15T08:00:00Z")!)
        #expect(NavigatrAdapter.acceptance(of: ["status": "Claimed", "time_claimed": "2027-01-15T08:00:00Z"]) == .accepted(at: claimed))
        #expect(NavigatrAdapter.acceptance(of: ["status": "Claimed", "time_claimed": "2027-01-15T08:00:00.250Z"])
            == .accepted(at: claimed.adding(milliseconds: 250)))
        #expect(NavigatrAdapter.acceptance(of: ["status": "Claimed"]) == .accepted(at: nil))
        for status in ["Pending", "Revoked", "Failed", "Complained"] {
            #expect(NavigatrAdapter.acceptance(of: ["status": status]) == .pending, "\(status)")
        }
        #expect(NavigatrAdapter.acceptance(of: ["status": "Archived"]) == .notKnown)
        #expect(NavigatrAdapter.acceptance(of: nil) == .notKnown)
        #expect(NavigatrAdapter.issuedPath("12") == "/v1/issued/12")
    }

    @Test(arguments: [IssuerKind.obf, .navigatr])
    func troubleAtTheIssuerIsARetryForEveryCheck(kind: IssuerKind) throws {
        let drill = try Drill(kind: kind) { $0.retryAfterSeconds = 2 }
        let adapter = makeIssuerAdapter(drill.settings)
        let sent = try Self.sent(adapter, kind: kind)
        drill.simulator.failNext(.tooManyRequests)
        guard case let .retry(slowDown) = adapter.acceptance(sent) else { Issue.record("429 not retried"); return }
        #expect(slowDown.retryAfter == 2 && slowDown.issuerWide)
        for fault in [FaultSpec.Fault.status(500), .status(503), .reset, .timeout] {
            drill.simulator.failNext(fault)
            guard case let .retry(advice) = adapter.acceptance(sent) else { Issue.record("\(fault) not retried"); return }
            #expect(advice.issuerWide && !advice.ambiguous, "\(fault)")
        }
        #expect(adapter.acceptance(sent) == .pending)
        if kind == .navigatr {
            drill.issuerSecret = "revoked"
            guard case let .retry(refused) = makeIssuerAdapter(drill.settings).acceptance(sent) else { return }
            #expect(refused.reason.hasPrefix("Navigatr refused the access token") && refused.issuerWide)
            var unnamed = sent
            unnamed.reference = "issued, no id given"
            #expect(adapter.acceptance(unnamed) == .notKnown)
        }
    }

    @Test func anExpiredObfTokenIsRenewedOnceAndTheQuestionAnswered() throws {
        let drill = try Drill(kind: .obf) { $0.faults = try! FaultSpec(parsing: "token-expiry:0.2s") }
        let adapter = makeIssuerAdapter(drill.settings)
        let sent = try Self.sent(adapter, kind: .obf)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(adapter.acceptance(sent) == .pending)
        let paths = drill.simulator.requests.map(\.path)
        #expect(paths.filter { $0.hasSuffix("/oauth2/token") }.count == 2)
        #expect(drill.simulator.requests.filter { $0.path.hasSuffix("/assertion") }.map(\.status) == [401, 200])
    }
}
