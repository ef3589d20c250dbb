import Foundation
import KioskCore
@testable import KioskStore
import Testing
import TestSupport

/// Report figures from a real store: a 4-day programme claimed by 50 learners, one of whom misses
/// day 3, one award refused, some accepted; every figure checked against a count by hand.
@Suite("Reports: figures from the store")
struct ReportFigureTests {
    static let start = ReportCourse.start

    /// The course (Tests/TestSupport/ReportCourse.swift), shared with the API's and the command line's report tests.
    typealias Course = ReportCourse

    @Test func everyFigureEqualsAHandCountAndTheRatesFollow() throws {
        let course = try Course()
        let figures = try course.store.sessionFigures()
        #expect(figures.map(\.title) == (1...4).map { "Intro to Work - Day \($0)" })
        #expect(figures.map(\.tally.claimed) == [50, 50, 49, 50])
        #expect(figures.map(\.tally.sent) == [50, 49, 49, 50])
        #expect(figures.map(\.tally.failed) == [0, 1, 0, 0])
        #expect(figures.map(\.tally.accepted) == [20, 0, 0, 0])
        #expect(figures.map(\.tally.acceptanceKnown) == [50, 0, 0, 0])
        #expect(figures[3].badgeIDs == ["day-4"])
        // 49 completions joined the day-4 claims of those who came every day.
        #expect(try course.store.writeAndWait { connection in
            let count = try connection.prepare("SELECT COUNT(*) FROM awards WHERE badge_id = 'complete'")
            _ = try count.step()
            return count.int(at: 0)
        } == 49)

        let sessions = Report.rows(figures, by: .session)
        #expect(sessions[0].claimRate == 1.0)
        #expect(sessions[2].claimRate == 0.98)
        #expect(sessions[0].accepted == 20)
        #expect(sessions[0].acceptanceRate == 0.4)
        #expect(sessions[1].accepted == nil, "not known: the issuer said nothing about day 2")
        let programmes = try course.store.programmes()
        let programme = try #require(Report.rows(figures, by: .programme, programmes: programmes).first)
        #expect(programme.label == "Intro to Work")
        #expect(programme.expected == 200)
        #expect(programme.tally == ClaimTally(claimed: 199, sent: 198, failed: 1, accepted: 20, acceptanceKnown: 50))
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let months = Report.rows(figures, by: .month, calendar: utc)
        #expect(months.map(\.key) == ["2026-11", "2026-12"])
        #expect(months.map(\.label) == ["November 2026", "December 2026"])
        #expect(months.map(\.tally.claimed) == [50, 149])
        #expect(Report.total(months).tally == programme.tally)
    }

    /// The API's and the command line's tests compare with `HandCount`: it says what the checks above say.
    @Test func theSharedHandCountsAreTheseFigures() throws {
        let course = try Course()
        let figures = try course.store.sessionFigures()
        let rows = Report.rows(figures, by: .session)
        #expect(rows.map(\.label) == HandCount.sessions.map(\.label))
        for (row, hand) in zip(rows, HandCount.sessions) {
            let tally = row.tally
            #expect([row.expected, tally.claimed, tally.sent, tally.failed, tally.waiting, tally.lapsed, tally.onTheWay] as [Int]
                == [hand.expected, hand.claimed, hand.sent, hand.failed, hand.waiting, hand.lapsed, hand.onTheWay], "\(hand.label)")
            #expect(row.accepted == hand.accepted && row.claimRate == hand.claimRate && row.acceptanceRate == hand.acceptanceRate,
                    "\(hand.label)")
        }
        let total = Report.total(rows)
        #expect([total.expected, total.tally.claimed, total.tally.sent, total.tally.failed] as [Int] == [200, 199, 198, 1])
        #expect(total.claimRate == HandCount.all.claimRate && total.accepted == 20 && total.acceptanceRate == HandCount.all.acceptanceRate)
    }

    @Test func theFiguresReadTheSameAfterThePurge() throws {
        let course = try Course()
        let before = try course.store.sessionFigures()
        let erased = try course.store.purgePersonalData(olderThanDays: 30, at: Self.start.adding(seconds: 40 * 86_400))
        #expect(erased == 198)
        #expect(try course.store.sessionFigures() == before)
    }

    @Test func aWindowOfTimeTakesOnlyTheSessionsMadeInIt() throws {
        let course = try Course()
        let window = try course.store.sessionFigures(from: Self.start.adding(seconds: 86_400), to: Self.start.adding(seconds: 3 * 86_400))
        #expect(window.map(\.title) == ["Intro to Work - Day 2", "Intro to Work - Day 3"])
    }
}
