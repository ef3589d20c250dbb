@testable import badgekiosk
import Foundation
import KioskAPI
import Testing
import TestSupport

/// `badgekiosk outbox not-accepted`: the built command on the report course, and its two formats.
@Suite("badgekiosk outbox not-accepted", .serialized)
struct NotAcceptedCommandTests {
    @Test func listsTheCourseAwardsNotAcceptedInBothFormats() throws {
        let path = NSTemporaryDirectory() + "badgekiosk-not-accepted-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ReportCourse(directory: path).close()
        // Every award was sent on the course's 6th day, days ago: all but the refused one and the 20 accepted.
        let csv = try BuiltBinary.run(["outbox", "--state-dir", path, "not-accepted", "--days", "1", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.err)")
        let records = try CSVReader.records(csv.out)
        #expect(records.first == ["award", "name", "email", "badge", "badgeName", "session", "sessionTitle", "sentDay",
                                  "daysSince", "lastAskedDay", "answer"])
        let rows = records.dropFirst()
        #expect(rows.count == 4 * 50 - 1 + 49 - 1 - 20, "four days of 50 (one missed), 49 completions, less the refused and accepted")
        #expect(rows.filter { $0[10] == "not_accepted" }.count == 30, "the day-1 awards the issuer said are pending")
        #expect(rows.allSatisfy { $0[1].hasPrefix("Learner ") && $0[2].hasSuffix("@example.org") && $0[7] == "2026-12-05" })
        let table = try BuiltBinary.run(["outbox", "--state-dir", path, "not-accepted"])
        #expect(table.status == 0, "\(table.err)")
        #expect(table.out.contains("Awards sent 7 days ago or more and not accepted: "))
        #expect(table.out.hasSuffix("No issuer is configured, so no issuer can send the email again.\n"), "\(table.out)")
    }

    @Test(arguments: [(["--days", "0"], "--days takes a whole number of days from 1 to 365, not '0'"),
                      (["--days", "400"], "--days takes a whole number of days from 1 to 365, not '400'"),
                      (["--format", "json"], "--format takes table or csv, not 'json'")])
    func badOptionsAreOneLineAndExit2(words: [String], message: String) throws {
        let result = try BuiltBinary.run(["outbox", "--state-dir", NSTemporaryDirectory() + "no-such-\(UUID().uuidString)",
                                          "not-accepted"] + words)
        #expect(result.status == 2, "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: \(message)"), "\(result.err)")
    }

    @Test func theTableShowsWhatIsLeftAfterThePurgeAndTheNextStep() {
        let sent = Date(timeIntervalSince1970: 1_796_000_000)
        let award = { (id: Int64, name: String?, answer: String) in
            NotAcceptedReply.Award(award: id, name: name, email: name.map { "\($0.lowercased())@example.org" }, erased: name == nil,
                                   badge: "day-1", badgeName: "Day 1", session: 3, sessionTitle: "=Intro", sentAt: sent,
                                   sentDay: "2026-11-30", daysSince: 8, lastAskedAt: answer == "not_known" ? nil : sent, answer: answer)
        }
        let reply = NotAcceptedReply(days: 7, issuer: "navigatr", canResend: false, nextStep: "Send it again from Navigatr.",
                                     awards: [award(12, "Amira", "not_accepted"), award(9, nil, "not_known")], more: true)
        let lines = OutboxCommand.notAcceptedTable(reply)
        #expect(lines[0] == "Awards sent 7 days ago or more and not accepted: 2 (the most recent; there are more).")
        #expect(lines[2] == "Award  Name      Email              Badge  Session  Sent        Days  Last asked  Issuer's answer")
        #expect(lines[3] == "   12  Amira     amira@example.org  Day 1  =Intro   2026-11-30     8  2026-11-30  not accepted")
        #expect(lines[4] == "    9  (erased)  (erased)           Day 1  =Intro   2026-11-30     8  never       not known")
        #expect(lines.suffix(3) == ["(erased): the retention purge has erased the learner's name and email; only the award is left.",
                                    "", "Send it again from Navigatr."])
        let csv = OutboxCommand.notAcceptedCSV(reply)
        #expect(csv.contains("\r\n12,Amira,amira@example.org,day-1,Day 1,3,'=Intro,2026-11-30,8,"))
        #expect(csv.hasSuffix("\r\n9,,,day-1,Day 1,3,'=Intro,2026-11-30,8,,not_known\r\n"))
    }
}
