/// A point on the monotonic clock, for waits and deadlines in memory. Never stored: it means
/// nothing after a reboot, where dates (the wall clock) are what lasts.
public struct Moment: Comparable, Hashable, Sendable {
    /// `MonotonicClock` nanoseconds.
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// Later than every real moment: "no deadline".
    public static let never = Moment(nanoseconds: .max)

    public static func now() -> Moment { Moment(nanoseconds: MonotonicClock.nanoseconds()) }

    /// `seconds` later (earlier when negative), kept between zero and `never`.
    public func adding(seconds: Double) -> Moment {
        adding(milliseconds: Int64((min(max(seconds, -1e12), 1e12) * 1000).rounded(.up)))
    }

    /// `milliseconds` later (earlier when negative), kept between zero and `never`.
    public func adding(milliseconds: Int64) -> Moment {
        guard self != .never else { return self }
        let delta = UInt64(milliseconds.magnitude).multipliedReportingOverflow(by: 1_000_000)
        if milliseconds >= 0 {
            let (sum, overflow) = nanoseconds.addingReportingOverflow(delta.partialValue)
            return delta.overflow || overflow ? .never : Moment(nanoseconds: sum)
        }
        return Moment(nanoseconds: delta.overflow || delta.partialValue > nanoseconds ? 0 : nanoseconds - delta.partialValue)
    }

    /// Whole milliseconds from `other` to this moment (negative when this is earlier).
    public func milliseconds(after other: Moment) -> Int64 {
        self >= other ? Int64((nanoseconds - other.nanoseconds) / 1_000_000) : -Int64((other.nanoseconds - nanoseconds) / 1_000_000)
    }

    public static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
}
