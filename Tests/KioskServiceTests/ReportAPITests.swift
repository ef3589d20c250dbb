import Foundation
import KioskAPI
import KioskCore
import KioskStore
import Testing
import TestSupport

/// `GET /api/v1/reports` over loopback, on the 4-day, 50-learner course (Tests/TestSupport/ReportCourse.swift).
@Suite("API: reports")
struct ReportAPITests {
    /// A listening kiosk holding the course, and the course's sessions, day 1 first.
    private func course() throws -> (kiosk: TestKiosk, sessions: [Session]) {
        var sessions: [Session] = []
        let kiosk = try TestKiosk(listening: true, prepare: { sessions = try ReportCourse.fill($0) })
        return (kiosk, sessions)
    }

    private func report(_ kiosk: TestKiosk, _ query: String = "") throws -> ReportReply {
        let reply = try kiosk.request("GET", "/api/v1/reports" + query, staff: true)
        #expect(reply.status == 200, "\(reply.text)")
        return try KioskAPI.decode(ReportReply.self, from: Array(reply.text.utf8))
    }

    /// `2026-12-01`: the kiosk's own day of `time`, as a report's `from` and `to` take it.
    private func day(_ time: Timestamp) -> String {
        let parts = ReportPeriod.kioskCalendar.dateComponents([.year, .month, .day], from: time.date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func needsTheStaffToken() throws {
        let kiosk = try TestKiosk(listening: true)
        let none = try kiosk.request("GET", "/api/v1/reports")
        #expect(none.status == 401)
        #expect(none.errorCode == "unauthorized")
        let wrong = try kiosk.request("GET", "/api/v1/reports?by=month", headers: [("Authorization", "Bearer \(kiosk.token.dropLast())x")])
        #expect(wrong.status == 401)
        #expect(try kiosk.request("POST", "/api/v1/reports", json: "{}", staff: true).status == 405)
    }

    @Test func badQueriesAreRefusedNamingTheField() throws {
        let kiosk = try TestKiosk(listening: true)
        let by = try kiosk.request("GET", "/api/v1/reports?by=week", staff: true)
        #expect(by.status == 400)
        #expect(by.errorCode == "by_invalid")
        for choice in ReportGrouping.allCases {
            #expect(by.errorMessage?.contains("`\(choice.rawValue)`") == true, "\(by.text)")
        }
        for (query, code, field) in [("from=2026-13-01", "from_invalid", "`from`"), ("from=2026-02-30", "from_invalid", "`from`"),
                                     ("from=1796000000000", "from_invalid", "`from`"), ("to=31%2F12%2F2026", "to_invalid", "`to`"),
                                     ("to=", "to_invalid", "`to`"), ("from=%FF", "from_invalid", "`from`"),
                                     ("by=month&from=2026-12-05&to=2026-12-01", "to_before_from", "`to`")] {
            let reply = try kiosk.request("GET", "/api/v1/reports?\(query)", staff: true)
            #expect(reply.status == 400, "\(query)")
            #expect(reply.errorCode == code, "\(query): \(reply.text)")
            #expect(reply.errorMessage?.contains(field) == true, "\(query): \(reply.text)")
        }
        let unknown = try kiosk.request("GET", "/api/v1/reports?form=2026-12-01", staff: true)
        #expect(unknown.status == 400)
        #expect(unknown.errorCode == "unknown_parameter")
    }

    @Test func bySessionEveryFigureIsTheHandCount() throws {
        let (kiosk, sessions) = try course()
        let reply = try report(kiosk)
        #expect(reply.by == "session")
        #expect(reply.rows == zip(sessions, HandCount.sessions).map { $1.row(key: String($0.id)) })
        #expect(reply.total == HandCount.all.row(key: "total", label: "Total"))
        #expect(try report(kiosk, "?by=session") == reply)

        // Not known is said as null, never left out and never a zero.
        let raw = try kiosk.request("GET", "/api/v1/reports", staff: true)
        #expect(raw.json["from"] is NSNull && raw.json["to"] is NSNull)
        let rows = try #require(raw.json["rows"] as? [[String: Any]])
        #expect(rows[1]["accepted"] is NSNull && rows[1]["acceptanceRate"] is NSNull)
        #expect(rows[0]["accepted"] as? Int == 20)
        #expect(Set(rows[0].keys) == ["key", "label", "expected", "claimed", "claimRate", "sent", "failed", "waiting", "lapsed",
                                      "onTheWay", "accepted", "acceptanceRate"])
    }

    @Test func byProgrammeAndByMonthTheFiguresAddUp() throws {
        let (kiosk, sessions) = try course()
        let programmes = try kiosk.store.programmes()
        let programme = try #require(programmes.first { $0.name == ReportCourse.programmeName })
        let byProgramme = try report(kiosk, "?by=programme")
        #expect(byProgramme.rows == [HandCount.all.row(key: String(programme.id))])
        #expect(byProgramme.total == HandCount.all.row(key: "total", label: "Total"))

        // Months in the kiosk's own time zone, whatever it is where the test runs.
        let byMonth = try report(kiosk, "?by=month")
        let months = Dictionary(grouping: zip(sessions, HandCount.sessions)) { String(day($0.0.createdAt).prefix(7)) }
        #expect(byMonth.rows.map(\.key) == months.keys.sorted())
        for row in byMonth.rows {
            let hands = try #require(months[row.key]).map(\.1)
            #expect(row.expected == hands.reduce(0) { $0 + $1.expected })
            #expect(row.claimed == hands.reduce(0) { $0 + $1.claimed })
            #expect(row.sent == hands.reduce(0) { $0 + $1.sent })
            #expect(row.failed == hands.reduce(0) { $0 + $1.failed })
            #expect(row.accepted == (hands.contains { $0.accepted != nil } ? 20 : nil))
        }
        #expect(byMonth.total == byProgramme.total)
    }

    @Test func aPeriodOfDaysTakesTheSessionsOfThoseDays() throws {
        let (kiosk, sessions) = try course()
        let (second, third) = (day(sessions[1].createdAt), day(sessions[2].createdAt))
        let window = try report(kiosk, "?from=\(second)&to=\(third)")
        #expect(window.from == second && window.to == third)
        #expect(window.rows == [HandCount.sessions[1].row(key: String(sessions[1].id)),
                                HandCount.sessions[2].row(key: String(sessions[2].id))])
        #expect([window.total.claimed, window.total.sent, window.total.failed] as [Int] == [99, 98, 1])
        #expect(window.total.accepted == nil, "the issuer said nothing about days 2 and 3")
        #expect(try report(kiosk, "?to=\(day(sessions[0].createdAt))").rows.map(\.label) == ["Intro to Work - Day 1"])
        #expect(try report(kiosk, "?from=\(day(sessions[3].createdAt))&by=month").total.claimed == 50)
    }
}
