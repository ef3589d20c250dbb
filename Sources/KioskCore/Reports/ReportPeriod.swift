import Foundation

/// The days a report covers, as an admin types them (`2026-12-01`), both ends included, in the kiosk's time zone.
///
/// Days, not times: a funder asks about "December" or "the week of the course", and a day means the
/// kiosk's own day, the one the sessions ran on, whatever time zone the person asking is in.
public struct ReportPeriod: Sendable, Equatable {
    /// The first day, `YYYY-MM-DD`; nil from the first session on.
    public var from: String?
    /// The last day, included; nil up to now.
    public var to: String?
    /// The first moment of `from`.
    public var start: Timestamp?
    /// The first moment of the day after `to`: sessions made before it count.
    public var end: Timestamp?

    /// Every session, whenever it ran.
    public static let always = ReportPeriod()

    private init() {}

    /// Checks both days; a refusal names the field as `name` spells it (`from` for the API, `--from` for the command line).
    public init(from: String?, to: String?, calendar: Calendar = Self.kioskCalendar,
                name: (String) -> String = { "`\($0)`" }) throws(FieldError) {
        self.from = from
        self.to = to
        if let from {
            guard let day = Self.startOfDay(from, calendar) else { throw Self.badDay("from", name) }
            start = Timestamp(day)
        }
        if let to {
            guard let day = Self.startOfDay(to, calendar), let next = calendar.date(byAdding: .day, value: 1, to: day) else {
                throw Self.badDay("to", name)
            }
            end = Timestamp(calendar.startOfDay(for: next))
        }
        if let start, let end, end <= start {
            throw FieldError(field: "to", code: "to_before_from", message: "\(name("to")) is a day before \(name("from")).")
        }
    }

    /// The Gregorian calendar in the machine's time zone: the kiosk's days and months, whatever
    /// calendar the locale of whoever runs the command prefers.
    public static var kioskCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar
    }

    /// `time`'s day as `YYYY-MM-DD` in `calendar`: the form `from` and `to` are typed in.
    public static func day(of time: Timestamp, calendar: Calendar = kioskCalendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: time.date)
        let two = { (value: Int) in (value < 10 ? "0" : "") + String(value) }
        return "\(parts.year ?? 1970)-\(two(parts.month ?? 1))-\(two(parts.day ?? 1))"
    }

    /// The first day of `time`'s month as `YYYY-MM-DD`: where "this month" starts.
    public static func firstDayOfMonth(of time: Timestamp, calendar: Calendar = kioskCalendar) -> String {
        day(of: Timestamp(calendar.dateInterval(of: .month, for: time.date)?.start ?? time.date), calendar: calendar)
    }

    /// The first moment of `text`'s day, when it is a real day written `YYYY-MM-DD` (no 30 February).
    static func startOfDay(_ text: String, _ calendar: Calendar) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, zip(parts, [4, 2, 2]).allSatisfy({ part, length in
            part.utf8.count == length && part.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }) else { return nil }
        let (year, month, day) = (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
        // Noon, then back to the day's start: a day whose midnight a clock change skips still has a start.
        guard let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) else { return nil }
        let check = calendar.dateComponents([.year, .month, .day], from: noon)
        guard check.year == year, check.month == month, check.day == day else { return nil }
        return calendar.startOfDay(for: noon)
    }

    private static func badDay(_ field: String, _ name: (String) -> String) -> FieldError {
        FieldError(field: field, code: "\(field)_invalid", message: "\(name(field)) takes a day written YYYY-MM-DD, such as 2026-12-01.")
    }
}
