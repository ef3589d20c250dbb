import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// Report figures from a real store: a 4-day programme claimed by 50 learners, one of whom misses
/// day 3, one award refused, some accepted; every figure checked against a count by hand.
@Suite("Reports: figures from the store")
struct ReportFigureTests {
    static let start = Timestamp(milliseconds: 1_796_000_000_000)  // 2026-11-30 00:53 UTC: day 1 in November, days 2-4 in December
    static let days = (1...4).map { "day-\($0)" }

    /// The fixture: each learner claims each day (mixed-case emails), all awards then sent, learner 7's
    /// day-2 award refused, and the first 20 learners' day-1 awards accepted (the rest pending).
    final class Course {
        let directory = TemporaryDirectory()
        let store: KioskStore
        var sessions: [Session] = []

        init() throws {
            store = try KioskStore(directory: directory.path)
            try store.upsertBadges((ReportFigureTests.days + ["complete"]).map { Badge(id: $0, name: $0) }, at: start)
            _ = try store.createProgramme(try ProgrammeDraft(name: "Intro to Work", badgeIDs: ReportFigureTests.days,
                                                             completionBadgeID: "complete"), at: start)
            for (index, day) in ReportFigureTests.days.enumerated() {
                let opened = start.adding(seconds: Int64(index) * 86_400)
                let session = try store.createSession(title: "Intro to Work - Day \(index + 1)", badgeIDs: [day],
                                                      expected: 50, at: opened)
                sessions.append(session)
                let code = try store.endSession(id: session.id, policy: CodePolicy(), at: opened.adding(seconds: 3600))
                for learner in 1...50 where !(index == 2 && learner == 13) {
                    let claimant = try Claimant(name: "Learner \(learner)", email: "Learner\(learner)@Example.ORG", consent: true)
                    _ = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant,
                                                              newClaimID: "d\(index + 1)-l\(learner)", at: opened.adding(seconds: 4000)))
                }
            }
            try store.writeAndWait { connection in
                try connection.execute("UPDATE awards SET state = 'sent', updated_at = \(start.milliseconds + 5 * 86_400_000)")
                try connection.execute("""
                    UPDATE awards SET state = 'failed', last_error = 'HTTP 422' WHERE claim_id = 'd2-l7';
                    UPDATE awards SET acceptance = 'pending' WHERE badge_id = 'day-1';
                    UPDATE awards SET acceptance = 'accepted', accepted_at = 1 WHERE badge_id = 'day-1'
                        AND claim_id IN (\((1...20).map { "'d1-l\($0)'" }.joined(separator: ",")));
                    """)
            }
        }
    }

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
