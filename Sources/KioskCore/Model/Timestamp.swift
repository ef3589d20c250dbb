import Foundation

/// A moment as whole milliseconds since the Unix epoch: what the store keeps and the rules compare.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public init(_ date: Date) {
        milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp { Timestamp(Date()) }

    /// 1 January of the year this version was made (2026), in UTC: a wall clock showing an earlier
    /// time has lost the date (a dead CMOS battery shows 1970 or the firmware's year), so times it
    /// gave are not to be believed. Raise it with each release year.
    public static let earliestPlausible = Timestamp(milliseconds: 1_767_225_600_000)

    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// ISO-8601 in UTC with seconds, e.g. `2026-11-25T10:15:00Z`, as the API shows times.
    public var iso8601: String { date.formatted(.iso8601) }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(milliseconds: milliseconds + seconds * 1000)
    }

    public func adding(milliseconds delta: Int64) -> Timestamp {
        Timestamp(milliseconds: milliseconds + delta)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }
}
