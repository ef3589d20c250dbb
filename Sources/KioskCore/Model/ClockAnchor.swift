/// What the kiosk knew about the time when its store opened, to judge the wall clock by later.
///
/// The retention purge erases personal data a set time after an award was sent, so a wall clock
/// that jumps forward (a wrong NTP server, a mistyped date, a CMOS reset then a bad correction)
/// would erase it early, for good. So the purge goes by `trustedNow`: the wall clock, but never
/// later than the newest time the store had recorded when it opened plus the real time the kiosk has
/// seen pass since (the monotonic clock, which does not jump). The recorded times were written as the
/// kiosk worked, so that bound is never after the true time; a forward jump, before the start or while
/// running, is simply not believed. The cost is on the safe side: time the kiosk spent switched off
/// is not counted until the store records newer times, so data may be kept that much longer, never
/// erased sooner; so is time asleep, which the monotonic clock does not count either. A clock that
/// is slow only delays the purge.
public struct ClockAnchor: Sendable, Equatable {
    /// A wall clock this far after the newest recorded time is worth a warning: kiosks are used more often.
    public static let farAheadSeconds: Int64 = 366 * 86_400
    /// A wall clock this far behind the newest recorded time is worth a warning: codes and claims would be misdated.
    public static let behindSeconds: Int64 = 3600
    /// Wall-clock progress beyond the monotonic clock's, while running, counted as a jump.
    public static let jumpSeconds: Int64 = 3600

    /// The wall clock when the store opened.
    public var wall: Timestamp
    /// The monotonic clock then, in nanoseconds.
    public var monotonic: UInt64
    /// The newest time the store held then (claims, awards, sessions, codes, badges); nil for a new store.
    public var newestRecorded: Timestamp?

    public init(wall: Timestamp, monotonic: UInt64, newestRecorded: Timestamp?) {
        self.wall = wall
        self.monotonic = monotonic
        self.newestRecorded = newestRecorded
    }

    /// The time the purge may go by: the wall clock `now`, but no later than the newest recorded time
    /// (the wall clock at opening for a new store) plus the real time elapsed since opening.
    public func trustedNow(wall now: Timestamp, monotonic nowMonotonic: UInt64) -> Timestamp {
        let bound = (newestRecorded ?? wall).milliseconds + elapsedMilliseconds(nowMonotonic)
        return Timestamp(milliseconds: min(now.milliseconds, bound))
    }

    /// Seconds the wall clock has moved on beyond the real time elapsed since opening, when more
    /// than `jumpSeconds`: it was set forward while the kiosk ran.
    public func jumpedAhead(wall now: Timestamp, monotonic nowMonotonic: UInt64) -> Int64? {
        let gap = (now.milliseconds - wall.milliseconds - elapsedMilliseconds(nowMonotonic)) / 1000
        return gap > Self.jumpSeconds ? gap : nil
    }

    /// A plain-words warning when the wall clock at opening cannot be right, else nil.
    public func warning() -> String? {
        if wall < Timestamp.earliestPlausible {
            return "the clock says \(wall.iso8601), before this version of badgekiosk was made: set the date and time "
                + "(a flat clock battery resets it). Claim codes expire and badges are dated by this clock."
        }
        guard let newestRecorded else { return nil }
        if wall.milliseconds - newestRecorded.milliseconds > Self.farAheadSeconds * 1000 {
            return "the clock says \(wall.iso8601), more than a year after the newest time in the database "
                + "(\(newestRecorded.iso8601)): check the date and time. Personal data is erased by the time "
                + "this kiosk has seen pass, not by this clock."
        }
        if newestRecorded.milliseconds - wall.milliseconds > Self.behindSeconds * 1000 {
            return "the clock says \(wall.iso8601), earlier than the newest time in the database "
                + "(\(newestRecorded.iso8601)): check the date and time. Claim codes expire and badges are dated by this clock."
        }
        return nil
    }

    private func elapsedMilliseconds(_ nowMonotonic: UInt64) -> Int64 {
        nowMonotonic > monotonic ? Int64((nowMonotonic - monotonic) / 1_000_000) : 0
    }
}
