import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskStore

/// The fault an independent issuer stand-in found: the award is recorded, then the answer is lost
/// (a proxy, a flaky venue link). Nothing may re-send it blindly: the forwarder looks it up first.
@Suite("Answers lost after the issuer recorded the award", .serialized)
struct DroppedAnswerTests {
    @Test func overPlainHTTP() throws {
        let drill = try Drill { $0.faults = try! FaultSpec(parsing: "drop:0.1") }
        try drill.startForwarder()
        try drill.claim(1000)
        try drill.awaitSettled(total: 1000)
        try drill.expectExactlyOnce(1000)
        let requests = drill.simulator.requests
        #expect(requests.contains { $0.fault == .drop }, "no answer was dropped")
        #expect(requests.contains { $0.path.hasPrefix("/v1/event/") }, "no award was looked up after a lost answer")
        // Like https, plain http gives every request a connection of its own.
        #expect(requests.allSatisfy { $0.numberOnConnection == 1 })
    }

    @Test func mixedWithEveryOtherFault() throws {
        let drill = try Drill {
            $0.faults = try! FaultSpec(parsing: "drop:0.1,500:0.05,reset:0.05,timeout:0.01,slow:0.02,429:0.02")
        }
        try drill.startForwarder()
        try drill.claim(1000)
        try drill.awaitSettled(total: 1000)
        try drill.expectExactlyOnce(1000)
    }

    @Test func overTLSEveryRequestHasAConnectionOfItsOwn() throws {
        let drill = try Drill(overTLS: true) { $0.faults = try! FaultSpec(parsing: "drop:0.1,500:0.05,reset:0.05,slow:0.02") }
        try drill.startForwarder()
        try drill.claim(1000)
        try drill.awaitSettled(total: 1000)
        try drill.expectExactlyOnce(1000)
        let requests = drill.simulator.requests
        #expect(requests.contains { $0.fault == .drop })
        // libcurl re-sends on a reused connection that died; over https no request ever rides one.
        #expect(requests.allSatisfy { $0.numberOnConnection == 1 })
    }

    @Test func badgrOverTLS() throws {
        let drill = try Drill(kind: .badgr, badgesPerClaim: 2, overTLS: true) {
            $0.faults = try! FaultSpec(parsing: "drop:0.1,reset:0.05,500:0.05")
        }
        try drill.startForwarder()
        try drill.claim(200)
        try drill.awaitSettled(total: 400)
        try drill.expectExactlyOnce(400)
    }
}
