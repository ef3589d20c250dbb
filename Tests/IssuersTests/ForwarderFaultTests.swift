import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskStore

@Suite("Forwarding through every fault, exactly once", .serialized)
struct ForwarderFaultTests {
    @Test(arguments: ["500:0.25", "503:0.25", "429:0.15", "timeout:0.05", "reset:0.2", "slow:0.1", "token-expiry:0.3s"])
    func eachFaultAlone(spec: String) throws {
        let drill = try Drill { $0.faults = try! FaultSpec(parsing: spec) }
        try drill.startForwarder()
        try drill.claim(1000)
        try drill.awaitSettled(total: 1000)
        try drill.expectExactlyOnce(1000)
        #expect(drill.simulator.requests.contains { $0.fault != nil } || spec.hasPrefix("token"))
    }

    @Test func allFaultsMixedOverAThousandClaims() throws {
        let drill = try Drill {
            $0.faults = try! FaultSpec(parsing: "500:0.1,503:0.05,429:0.03,timeout:0.02,reset:0.05,slow:0.02,token-expiry:1s")
        }
        try drill.startForwarder()
        try drill.claim(1000)
        try drill.awaitSettled(total: 1000)
        try drill.expectExactlyOnce(1000)
        let faults = Set(drill.simulator.requests.compactMap { $0.fault.map(String.init(describing:)) })
        #expect(faults == ["500", "503", "429", "timeout", "reset", "slow"])
    }

    @Test func badgrWithMixedFaultsAndAnEarlierAward() throws {
        let drill = try Drill(kind: .badgr, badgesPerClaim: 2) {
            $0.faults = try! FaultSpec(parsing: "500:0.15,reset:0.1,timeout:0.03,429:0.05")
        }
        try drill.claim(100)
        // One award reached Badgr before (say, just before a power cut), but the kiosk never learnt so.
        let first = try #require(try drill.store.takeDueAwards(limit: 1, now: .now()).first)
        guard case .sent = makeIssuerAdapter(drill.settings).issue(first) else { Issue.record("not issued"); return }
        try drill.store.releaseAwards([first.id], dueAt: .now(), at: .now())
        try drill.startForwarder()
        try drill.awaitSettled(total: 200)
        try drill.expectExactlyOnce(200)
        // Badgr gets lower-cased emails: its duplicate check is case-sensitive.
        #expect(drill.simulator.awards.allSatisfy { $0.email == $0.email.lowercased() && $0.api == "badgr" })
    }

    @Test func tokenExpiryMidDrainRenewsWithoutFlooding() throws {
        let drill = try Drill { $0.faults = try! FaultSpec(parsing: "token-expiry:0.05s") }
        try drill.startForwarder()
        try drill.claim(1000)
        try drill.awaitSettled(total: 1000)
        try drill.expectExactlyOnce(1000)
        let tokens = drill.simulator.requests.filter { $0.path.hasSuffix("/oauth2/token") }.map(\.at)
        #expect(tokens.count > 1)
        // Never more than one token request per minTokenInterval (0.05 s here; 10 s in service).
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $1 - $0 >= 0.05 })
    }
}
