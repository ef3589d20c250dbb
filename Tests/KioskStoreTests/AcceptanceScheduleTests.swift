import KioskCore
@testable import KioskStore
import Testing

/// The acceptance schedule as a value: first an hour after sending, then doubling gaps up to a day, for 30 days.
@Suite("Acceptance: the checks' schedule")
struct AcceptanceScheduleTests {
    static let sent = Timestamp(milliseconds: 1_800_000_000_000)
    static let schedule = AcceptanceSchedule()

    static func hours(_ count: Double) -> Timestamp {
        sent.adding(milliseconds: Int64(count * 3_600_000))
    }

    @Test func theFirstCheckIsAnHourAfterSendingThenTheGapsDoubleToADay() {
        var checked: Timestamp?
        var times: [Double] = []
        while let next = Self.schedule.nextCheck(sentAt: Self.sent, checkedAt: checked), times.count < 100 {
            times.append(Double(next.milliseconds - Self.sent.milliseconds) / 3_600_000)
            checked = next
        }
        #expect(Array(times.prefix(8)) == [1, 2, 4, 8, 16, 32, 56, 80])
        // Then once a day until the 30 days are up: at most 35 questions about an award never accepted.
        #expect(zip(times.dropFirst(6), times.dropFirst(7)).allSatisfy { $1 - $0 == 24 })
        #expect(times.last! < 30 * 24 && times.last! + 24 >= 30 * 24)
        #expect(times.count == 34)
    }

    @Test func dueOnlyOnceItsTimeComesAndNeverPastTheWindow() {
        let schedule = Self.schedule
        #expect(!schedule.isDue(sentAt: Self.sent, checkedAt: nil, now: Self.hours(0.99)))
        #expect(schedule.isDue(sentAt: Self.sent, checkedAt: nil, now: Self.hours(1)))
        #expect(!schedule.isDue(sentAt: Self.sent, checkedAt: Self.hours(1), now: Self.hours(1.99)))
        #expect(schedule.isDue(sentAt: Self.sent, checkedAt: Self.hours(1), now: Self.hours(2)))
        // Never asked about past the window, however long since the last question.
        #expect(schedule.isDue(sentAt: Self.sent, checkedAt: Self.hours(700), now: Self.hours(719.9)) == false)
        #expect(!schedule.isDue(sentAt: Self.sent, checkedAt: nil, now: Self.hours(720)))
        #expect(schedule.nextCheck(sentAt: Self.sent, checkedAt: Self.hours(710)) == nil)
    }

    @Test func aClockSetBackSinceTheLastCheckCountsAsTheShortestGap() {
        // Checked "before" it was sent: the wall clock moved back in between.
        let next = Self.schedule.nextCheck(sentAt: Self.sent, checkedAt: Self.hours(-5))
        #expect(next == Self.hours(-4))
        let tight = AcceptanceSchedule(firstCheck: 0, maxInterval: -1, window: -3)
        #expect(tight == AcceptanceSchedule(firstCheck: 1, maxInterval: 1, window: 0))
    }
}
