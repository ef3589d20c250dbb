import Testing
@testable import KioskCore

@Suite("Clock plausibility and the purge's trusted time")
struct ClockAnchorTests {
    static let newest = Timestamp(milliseconds: 1_800_000_000_000)
    static let minute: UInt64 = 60_000_000_000
    static let day: Int64 = 86_400

    static func anchor(wall: Timestamp, newest: Timestamp? = newest) -> ClockAnchor {
        ClockAnchor(wall: wall, monotonic: 5_000 * minute, newestRecorded: newest)
    }

    @Test func aRightClockIsTrustedUpToTheRecordedTimePlusTimePassed() {
        // Opened an hour after the last record; ten minutes have passed since.
        let anchor = Self.anchor(wall: Self.newest.adding(seconds: 3600))
        let wall = Self.newest.adding(seconds: 4200)
        #expect(anchor.trustedNow(wall: wall, monotonic: anchor.monotonic + 10 * Self.minute)
            == Self.newest.adding(seconds: 600))
        #expect(anchor.jumpedAhead(wall: wall, monotonic: anchor.monotonic + 10 * Self.minute) == nil)
        #expect(anchor.warning() == nil)
    }

    @Test func aClockSetAYearAheadBeforeTheStartIsNotBelieved() {
        let anchor = Self.anchor(wall: Self.newest.adding(seconds: 400 * Self.day))
        let wall = anchor.wall.adding(seconds: 600)
        let trusted = anchor.trustedNow(wall: wall, monotonic: anchor.monotonic + 10 * Self.minute)
        #expect(trusted == Self.newest.adding(seconds: 600))
        #expect(anchor.warning()?.contains("more than a year after the newest time in the database") == true)
    }

    @Test func aClockSetAheadWhileRunningIsNotBelievedAndIsNoticed() {
        let anchor = Self.anchor(wall: Self.newest.adding(seconds: 60))
        let wall = anchor.wall.adding(seconds: 30 * Self.day)
        let monotonic = anchor.monotonic + 120 * Self.minute
        #expect(anchor.trustedNow(wall: wall, monotonic: monotonic) == Self.newest.adding(seconds: 7200))
        #expect(anchor.jumpedAhead(wall: wall, monotonic: monotonic) == 30 * Self.day - 7200)
        // An NTP nudge of a few seconds is not a jump.
        #expect(anchor.jumpedAhead(wall: anchor.wall.adding(seconds: 7205), monotonic: monotonic) == nil)
    }

    @Test func aSlowClockIsTakenAsItIs() {
        let anchor = Self.anchor(wall: Self.newest.adding(seconds: -2 * Self.day))
        let wall = anchor.wall.adding(seconds: 60)
        #expect(anchor.trustedNow(wall: wall, monotonic: anchor.monotonic + Self.minute) == wall)
        #expect(anchor.warning()?.contains("earlier than the newest time in the database") == true)
    }

    @Test func aNewStoreCountsFromTheClockAtOpening() {
        let anchor = Self.anchor(wall: Self.newest, newest: nil)
        #expect(anchor.warning() == nil)
        let jumped = anchor.wall.adding(seconds: 90 * Self.day)
        #expect(anchor.trustedNow(wall: jumped, monotonic: anchor.monotonic + Self.minute) == anchor.wall.adding(seconds: 60))
        // A monotonic reading from before the anchor (it cannot happen) counts as no time passed.
        #expect(anchor.trustedNow(wall: jumped, monotonic: 0) == anchor.wall)
    }

    @Test func aClockBeforeThisVersionWasMadeIsWarnedAbout() {
        let dead = Self.anchor(wall: Timestamp(milliseconds: 0))
        #expect(dead.warning()?.hasPrefix("the clock says 1970-01-01T00:00:00Z, before this version of badgekiosk was made") == true)
        #expect(Self.anchor(wall: Timestamp.earliestPlausible.adding(seconds: -1), newest: nil).warning() != nil)
        #expect(Self.anchor(wall: Timestamp.earliestPlausible, newest: nil).warning() == nil)
    }
}
