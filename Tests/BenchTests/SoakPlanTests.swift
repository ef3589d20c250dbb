@testable import badgekiosk
import Testing

@Suite("Soak plan")
struct SoakPlanTests {
    @Test func everyLifeLastsTenToThirtySeconds() {
        var plan = SoakPlan(seconds: 1800, seed: 7, fillsDisk: true)
        let lifetimes = (0..<500).map { _ in plan.nextLifetime() }
        #expect(lifetimes.allSatisfy { (10...30).contains($0) })
        #expect(Set(lifetimes.map { Int($0) }).count > 10, "the lifetimes should vary")
    }

    @Test func theSameSeedGivesTheSameMoments() {
        var one = SoakPlan(seconds: 120, seed: 42, fillsDisk: true)
        var two = SoakPlan(seconds: 120, seed: 42, fillsDisk: true)
        var other = SoakPlan(seconds: 120, seed: 43, fillsDisk: true)
        #expect(one.fillAt == two.fillAt)
        let first = (0..<5).map { _ in one.nextLifetime() }
        #expect(first == (0..<5).map { _ in two.nextLifetime() })
        #expect(first != (0..<5).map { _ in other.nextLifetime() })
    }

    @Test(arguments: [1 as UInt64, 2, 3, 99, 123_456])
    func theDiskFillsInTheMiddleOfTheRun(seed: UInt64) throws {
        let fillAt = try #require(SoakPlan(seconds: 120, seed: seed, fillsDisk: true).fillAt)
        #expect((48...72).contains(fillAt))
    }

    @Test func aRunWithoutADiskNeverFillsOne() {
        #expect(SoakPlan(seconds: 120, seed: 1, fillsDisk: false).fillAt == nil)
    }
}
