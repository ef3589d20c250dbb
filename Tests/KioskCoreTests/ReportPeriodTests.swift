import Foundation
import KioskCore
import Testing

/// The days a report covers: strict `YYYY-MM-DD`, the kiosk's own days, `to` included.
@Suite("Reports: the period")
struct ReportPeriodTests {
    private func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    @Test func daysRunFromTheKiosksMidnightAndToIsIncluded() throws {
        let period = try ReportPeriod(from: "2026-12-01", to: "2026-12-31", calendar: calendar("Europe/Warsaw"))
        #expect(period.start == Timestamp(milliseconds: 1_796_079_600_000))  // 2026-11-30 23:00 UTC
        #expect(period.end == Timestamp(milliseconds: 1_798_758_000_000))  // 2026-12-31 23:00 UTC
        #expect(period.from == "2026-12-01" && period.to == "2026-12-31")
        let one = try ReportPeriod(from: "2026-12-01", to: "2026-12-01", calendar: calendar("UTC"))
        #expect(try #require(one.end).milliseconds - (try #require(one.start)).milliseconds == 86_400_000)
        #expect(ReportPeriod.always.start == nil && ReportPeriod.always.end == nil)
    }

    @Test func aDayWithAClockChangeIsStillOneWholeDay() throws {
        // Europe/London's clocks went forward at 01:00 on 29 March 2026: that day has 23 hours.
        let spring = try ReportPeriod(from: "2026-03-29", to: "2026-03-29", calendar: calendar("Europe/London"))
        let length = try #require(spring.end).milliseconds - (try #require(spring.start)).milliseconds
        #expect(length == 23 * 3_600_000)
    }

    @Test(arguments: ["2026-12-1", "26-12-01", "2026/12/01", "2026-13-01", "2026-02-30", "2026-00-10", "１２３４-12-01",
                      "2026-12-01T00:00", " 2026-12-01", "", "1796000000000", "2026-12-+1"])
    func anythingButARealDayIsRefusedNamingTheField(text: String) {
        #expect(throws: FieldError(field: "from", code: "from_invalid",
                                   message: "`from` takes a day written YYYY-MM-DD, such as 2026-12-01.")) {
            _ = try ReportPeriod(from: text, to: nil)
        }
        #expect(throws: FieldError(field: "to", code: "to_invalid", message: "--to takes a day written YYYY-MM-DD, such as 2026-12-01.")) {
            _ = try ReportPeriod(from: nil, to: text, name: { "--\($0)" })
        }
    }

    @Test func toBeforeFromIsRefused() {
        #expect(throws: FieldError(field: "to", code: "to_before_from", message: "`to` is a day before `from`.")) {
            _ = try ReportPeriod(from: "2026-12-02", to: "2026-12-01")
        }
        #expect(throws: Never.self) { _ = try ReportPeriod(from: "2026-02-28", to: "2028-02-29") }
    }
}
