import Testing
import Posix

@Suite("Monotonic moments")
struct MomentTests {
    @Test func addingKeepsWithinZeroAndNever() {
        let start = Moment(nanoseconds: 5_000_000_000)
        #expect(start.adding(seconds: 1.5).nanoseconds == 6_500_000_000)
        #expect(start.adding(milliseconds: -2_000).nanoseconds == 3_000_000_000)
        #expect(start.adding(milliseconds: -10_000).nanoseconds == 0)
        #expect(start.adding(seconds: 1e15) == .never)
        #expect(Moment.never.adding(milliseconds: -1) == .never)
        #expect(start.adding(milliseconds: .max) == .never)
    }

    @Test func millisecondsBetweenMomentsBothWays() {
        let start = Moment(nanoseconds: 5_000_000_000)
        #expect(start.adding(seconds: 2).milliseconds(after: start) == 2_000)
        #expect(start.milliseconds(after: start.adding(seconds: 2)) == -2_000)
    }

    @Test func aTimedWaitEndsOnTheMonotonicClock() {
        let condition = MonotonicCondition()
        condition.lock()
        let deadline = Moment.now().adding(milliseconds: 20)
        while condition.wait(until: deadline.nanoseconds) {}
        condition.unlock()
        #expect(Moment.now() >= deadline)
    }
}
