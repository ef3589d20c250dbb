import Testing
@testable import IssuerSimulator

@Suite("Fault specifications")
struct FaultSpecTests {
    @Test func parsesEveryKind() throws {
        let spec = try FaultSpec(parsing: "500:0.2,429:0.1,timeout:0.05,reset:0.05,slow:0.01,400:0.01,token-expiry:30s")
        #expect(spec.rates.map(\.fault) == [.status(500), .tooManyRequests, .timeout, .reset, .slow, .status(400)])
        #expect(spec.rates.map(\.probability) == [0.2, 0.1, 0.05, 0.05, 0.01, 0.01])
        #expect(spec.tokenLifetime == 30)
        #expect(try FaultSpec(parsing: "token-expiry:2m").tokenLifetime == 120)
        #expect(try FaultSpec(parsing: "") == .none)
    }

    @Test(arguments: ["500", "999:0.1", "500:1.5", "500:0.6,503:0.6", "teapot:0.1", "token-expiry:soon", "500:0.1,500:0.1"])
    func refusesBadSpecs(text: String) {
        #expect(throws: FaultSpecError.self) { try FaultSpec(parsing: text) }
    }

    @Test func drawsMapToFaultsInOrder() throws {
        let spec = try FaultSpec(parsing: "500:0.2,reset:0.3")
        #expect(spec.fault(for: 0.1) == .status(500))
        #expect(spec.fault(for: 0.3) == .reset)
        #expect(spec.fault(for: 0.6) == nil)
    }

    @Test func seededGeneratorRepeats() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        let a = (0..<5).map { _ in first.next() }
        let b = (0..<5).map { _ in second.next() }
        #expect(a == b)
        #expect(Set(a).count == 5)
    }
}
