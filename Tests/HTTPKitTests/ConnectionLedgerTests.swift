@testable import HTTPKit
import Testing

@Suite("Connection ledger: places per address, room for newcomers")
struct ConnectionLedgerTests {
    @Test func oneAddressHoldsAtMostItsShare() {
        var ledger = ConnectionLedger(maxConnections: 100, maxPerAddress: 3, loops: 2)
        for turn in 0..<3 { #expect(ledger.admit("10.0.0.1", loop: turn % 2) == .admit) }
        #expect(ledger.admit("10.0.0.1", loop: 1) == .addressFull)
        #expect(ledger.admit("10.0.0.2", loop: 1) == .admit)
        #expect(ledger.count(of: "10.0.0.1") == 3)
        #expect(ledger.total == 4)
        ledger.release("10.0.0.1", loop: 0)
        #expect(ledger.admit("10.0.0.1", loop: 0) == .admit)
    }

    @Test func aFullServerRefusesWhenEveryAddressHoldsItsFairShare() {
        var ledger = ConnectionLedger(maxConnections: 3, maxPerAddress: 10, loops: 1)
        for address in ["a", "b", "c"] { #expect(ledger.admit(address, loop: 0) == .admit) }
        #expect(ledger.admit("d", loop: 0) == .serverFull)
        // Taking one of b's places for c would only move the imbalance around.
        #expect(ledger.admit("c", loop: 0) == .serverFull)
    }

    @Test func aFullServerLetsANewcomerInAndTheHeaviestAddressSheds() {
        var ledger = ConnectionLedger(maxConnections: 4, maxPerAddress: 10, loops: 2)
        #expect(ledger.admit("heavy", loop: 0) == .admit)
        for _ in 0..<3 { #expect(ledger.admit("heavy", loop: 1) == .admit) }
        // Sheds where the heavy address holds most, so a connection to shed is likely there.
        #expect(ledger.admit("phone", loop: 0) == .admitShedding(address: "heavy", loop: 1))
        #expect(ledger.total == 5)
        // heavy counts 3 once its shed is done, phone 1: one more transfer still leaves phone the lighter.
        #expect(ledger.admit("phone", loop: 1) == .admitShedding(address: "heavy", loop: 1))
        // heavy 2, phone 2: no more.
        #expect(ledger.admit("phone", loop: 0) == .serverFull)
        // The sheds happen; the server is back at its limit.
        ledger.release("heavy", loop: 1)
        ledger.release("heavy", loop: 1)
        #expect(ledger.total == 4)
        #expect(ledger.count(of: "heavy") == 2)
        #expect(ledger.count(of: "phone") == 2)
    }

    @Test func placesLentToNewcomersAreBounded() {
        var ledger = ConnectionLedger(maxConnections: 40, maxPerAddress: 100, loops: 1)
        for _ in 0..<40 { #expect(ledger.admit("heavy", loop: 0) == .admit) }
        // No shed ever completes (the heavy address's connections are all busy).
        var lent = 0
        for index in 0..<40 where ledger.admit("phone-\(index)", loop: 0) != .serverFull { lent += 1 }
        #expect(lent == ConnectionLedger.shedAllowance)
        #expect(ledger.total == 40 + ConnectionLedger.shedAllowance)
    }

    @Test func releasingWhatWasNeverAdmittedChangesNothing() {
        var ledger = ConnectionLedger(maxConnections: 2, maxPerAddress: 2, loops: 2)
        #expect(ledger.admit("a", loop: 0) == .admit)
        ledger.release("a", loop: 1)
        ledger.release("b", loop: 0)
        #expect(ledger.total == 1)
        #expect(ledger.count(of: "a") == 1)
        ledger.release("a", loop: 0)
        #expect(ledger.total == 0)
        #expect(ledger.count(of: "a") == 0)
    }
}
