import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskStore

/// Navigatr cannot be asked whether it already made an award, so an unclear attempt must never be
/// sent again on its own: it waits as `unsure` until staff check and choose.
@Suite("Navigatr drills: unclear awards wait for staff, none is sent twice", .serialized)
struct NavigatrDrillTests {
    /// Faults that leave the kiosk not knowing whether the award was made.
    static let ambiguous: [FaultSpec.Fault] = [.status(500), .status(503), .reset, .timeout, .drop, .dropReused]

    @Test(arguments: ["500:0.2", "503:0.2", "reset:0.2", "timeout:0.05", "429:0.15", "slow:0.1", "drop:0.1"])
    func eachFaultOverTwoHundredClaims(spec: String) throws {
        let drill = try Drill(kind: .navigatr) { $0.faults = try! FaultSpec(parsing: spec) }
        try drill.startForwarder()
        try drill.claim(200)
        try drill.awaitSettled(total: 200)
        let unclear = drill.simulator.requests.filter { $0.fault.map(Self.ambiguous.contains) ?? false }.count
        let counts = try drill.store.outboxSummary().counts
        // Each unclear attempt parks its award (a busy machine may add an answer that came too late):
        // no transport sends a request again by itself.
        #expect(counts[.unsure, default: 0] >= unclear)
        // 429s are retried and slow answers arrive, so everything else is sent.
        #expect(counts[.sent, default: 0] + counts[.unsure, default: 0] == 200 && counts[.failed] == 0)
        #expect(unclear > 0 || spec.hasPrefix("429") || spec.hasPrefix("slow"))
        #expect(drill.simulator.requests.contains { $0.fault != nil })
        try Self.expectNothingTwice(drill)
        try Self.settleUntilAllSent(drill, total: 200)
    }

    @Test func mixedFaultsTwoBadgesEachThreeHundredClaims() throws {
        let drill = try Drill(kind: .navigatr, badgesPerClaim: 2) {
            $0.faults = try! FaultSpec(parsing: "500:0.08,503:0.04,429:0.05,timeout:0.02,reset:0.05,slow:0.03")
        }
        try drill.startForwarder()
        try drill.claim(300)
        try drill.awaitSettled(total: 600)
        #expect(try drill.store.outboxSummary().counts[.unsure, default: 0] > 0)
        try Self.expectNothingTwice(drill)
        let faults = Set(drill.simulator.requests.compactMap { $0.fault.map(String.init(describing:)) })
        #expect(faults == ["500", "503", "429", "timeout", "reset", "slow"])
        try Self.settleUntilAllSent(drill, total: 600)
        // No look-up was ever asked for: Navigatr has none.
        #expect(drill.simulator.requests.allSatisfy { $0.method == "PUT" })
    }

    @Test func staffChoicesMoveUnsureAwardsOn() throws {
        let drill = try Drill(kind: .navigatr)
        try drill.startForwarder(concurrency: 1)
        // The first award reaches Navigatr but the answer is lost; the second never reaches it.
        drill.simulator.failNext(.timeout)
        try drill.claim(1)
        try drill.awaitSettled(total: 1)
        drill.simulator.failNext(.reset)
        try drill.claim(1)
        try drill.awaitSettled(total: 2)
        let unsure = try drill.store.unsureAwards()
        #expect(unsure.count == 2)
        #expect(unsure.allSatisfy { !$0.reason.isEmpty && $0.email?.hasSuffix("@example.org") == true })
        #expect(drill.simulator.awards.count == 1)
        #expect(try drill.settleAsStaff() == (arrived: 1, resent: 1))
        try drill.awaitSettled(total: 2)
        // Arrived added nothing at Navigatr; resend sent the missing one once.
        #expect(drill.simulator.awards.count == 2)
        try drill.expectExactlyOnce(2)
    }

    @Test func awardsLeftSendingByACrashBecomeUnsureAndAreNotSentAgain() throws {
        let drill = try Drill(kind: .navigatr)
        try drill.claim(3)
        // A power cut after the awards were marked sending: one had reached Navigatr.
        let taken = try drill.store.takeDueAwards(limit: 3, now: .now())
        #expect(taken.count == 3)
        guard case .sent = makeIssuerAdapter(drill.settings).issue(taken[0]) else {
            Issue.record("the first award was not issued")
            return
        }
        // Starting again puts them back for a look-up, which Navigatr cannot answer: each waits for staff.
        try drill.startForwarder()
        try drill.awaitSettled(total: 3)
        #expect(try drill.store.outboxSummary().counts[.unsure] == 3)
        #expect(drill.simulator.requests.count == 1)
        #expect(try drill.settleAsStaff() == (arrived: 1, resent: 2))
        try drill.awaitSettled(total: 3)
        try drill.expectExactlyOnce(3)
    }

    @Test func aRefusedTokenPausesSendingWithPlainWordsAndSendsNothing() throws {
        let drill = try Drill(kind: .navigatr)
        drill.issuerSecret = "a-revoked-token"
        try drill.startForwarder()
        try drill.claim(3)
        let limit = Date().addingTimeInterval(30)
        while try drill.store.outboxSummary().lastErrors.isEmpty, Date() < limit { usleep(10_000) }
        let summary = try drill.store.outboxSummary()
        #expect(summary.counts[.failed] == 0 && summary.counts[.unsure] == 0 && summary.counts[.sent] == 0)
        #expect(summary.lastErrors.allSatisfy { $0.error.hasPrefix("Navigatr refused the access token: check the secret file") })
        #expect(drill.forwarder?.status.lastProblem?.hasPrefix("Navigatr refused the access token") == true)
        #expect(drill.simulator.awards.isEmpty)
    }

    /// The simulator holds at most one award per badge and recipient, and each sent award is one it holds.
    private static func expectNothingTwice(_ drill: Drill, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let held = drill.heldAwards()
        #expect(held.values.allSatisfy { $0.count == 1 }, "some learner got a badge twice", sourceLocation: sourceLocation)
        for award in try drill.storedAwards() where award.state == "sent" && award.reference != KioskStore.confirmedByStaff {
            #expect(held["\(award.badge) \(award.email)"]?.first?.id == award.reference, sourceLocation: sourceLocation)
        }
    }

    /// Staff settle every unsure award, round after round while faults go on making new ones.
    private static func settleUntilAllSent(_ drill: Drill, total: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for _ in 0..<30 where try drill.store.outboxSummary().counts[.unsure, default: 0] > 0 {
            try drill.settleAsStaff()
            try drill.awaitSettled(total: total, sourceLocation: sourceLocation)
            try expectNothingTwice(drill, sourceLocation: sourceLocation)
        }
        try drill.expectExactlyOnce(total, sourceLocation: sourceLocation)
    }
}
