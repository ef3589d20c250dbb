import Foundation
import KioskAPI
import KioskCore
import Testing
import TestSupport

/// The built `badgekiosk report` on the 4-day, 50-learner course (Tests/TestSupport/ReportCourse.swift):
/// every figure, in each format and grouping, is the count by hand. Run in UTC, so day 1 is in November.
@Suite("badgekiosk report", .serialized)
struct ReportCommandTests {
    /// The course in a state folder of its own, its store closed so the command is its only reader.
    final class StateFolder {
        let path = NSTemporaryDirectory() + "badgekiosk-report-cli-\(UUID().uuidString)"
        let sessionKeys: [String]
        let programmeKey: String

        init() throws {
            let course = try ReportCourse(directory: path)
            sessionKeys = course.sessions.map { String($0.id) }
            programmeKey = try #require(try course.store.programmes().first).id.description
            course.close()
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func report(_ words: [String]) throws -> String {
            let result = try BuiltBinary.run(["report", "--state-dir", path] + words, environment: ["TZ": "UTC"])
            #expect(result.status == 0, "\(words): \(result.err)")
            #expect(result.err.isEmpty)
            return result.out
        }
    }

    /// Each grouping's rows by hand, and their keys, as the command should give them.
    private func expected(_ folder: StateFolder) -> [(by: String, rows: [ReportReply.Row])] {
        [("session", zip(folder.sessionKeys, HandCount.sessions).map { $1.row(key: $0) }),
         ("programme", [HandCount.all.row(key: folder.programmeKey)]),
         ("month", zip(["2026-11", "2026-12"], HandCount.monthsInUTC).map { $1.row(key: $0) })]
    }

    private let total = HandCount.all.row(key: "total", label: "Total")

    /// A table line's cells, parted by two spaces or more ("not known" and the labels have single spaces only).
    static func cells(_ line: some StringProtocol) -> [String] {
        String(line).split(separator: #/ {2,}/#).map(String.init)
    }

    @Test func jsonIsTheAPIsReplyWithTheHandCounts() throws {
        let folder = try StateFolder()
        for (by, rows) in expected(folder) {
            let text = try folder.report(["--by", by, "--format", "json"])
            let reply = try KioskAPI.decode(ReportReply.self, from: Array(text.utf8))
            #expect(reply == ReportReply(by: by, from: nil, to: nil, rows: rows, total: total), "\(by)")
            #expect(text.contains(#""from":null"#) && text.hasSuffix("}\n"))
        }
    }

    @Test func csvReadsBackToTheHandCounts() throws {
        let folder = try StateFolder()
        for (by, rows) in expected(folder) {
            let text = try folder.report(["--by", by, "--format", "csv"])
            let records = try CSVReader.records(text)
            #expect(records.first == ["key", "label", "expected", "claimed", "claimRate", "sent", "failed", "waiting", "lapsed",
                                      "onTheWay", "accepted", "acceptanceRate"])
            let read = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0], $0)) }
            #expect(read.count == rows.count + 1, "\(by)")
            for (fields, row) in zip(read, rows + [total]) {
                #expect(fields["key"] == row.key && fields["label"] == row.label, "\(by)")
                let counts: [Int?] = ["expected", "claimed", "sent", "failed", "waiting", "lapsed", "onTheWay"]
                    .map { fields[$0].flatMap { Int($0) } }
                #expect(counts == [row.expected, row.claimed, row.sent, row.failed, row.waiting, row.lapsed, row.onTheWay],
                        "\(by) \(row.label)")
                #expect(fields["accepted"] == row.accepted.map(String.init) ?? "", "\(by) \(row.label)")
                // Four places at most: 149/150 reads back as 0.9933.
                for (name, rate) in [("claimRate", row.claimRate), ("acceptanceRate", row.acceptanceRate)] {
                    let field = try #require(fields[name])
                    #expect(rate == nil ? field.isEmpty : Double(field) == (rate! * 10_000).rounded() / 10_000, "\(by) \(row.label) \(name)")
                }
            }
        }
    }

    @Test func theTableShowsEveryHandCount() throws {
        let folder = try StateFolder()
        let text = try folder.report([])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Claims by session, every day.")
        let cells = { (label: String) in
            lines.first { $0.hasPrefix(label + "  ") }.map(Self.cells)
        }
        let figures = ["50", "50", "100%", "50", "0", "0", "0", "0"]
        #expect(cells("Intro to Work - Day 1") == ["Intro to Work - Day 1"] + figures + ["20", "40%"])
        #expect(cells("Intro to Work - Day 2")
            == ["Intro to Work - Day 2", "50", "50", "100%", "49", "1", "0", "0", "0", "not known", "not known"])
        #expect(cells("Intro to Work - Day 3")
            == ["Intro to Work - Day 3", "50", "49", "98%", "49", "0", "0", "0", "0", "not known", "not known"])
        #expect(cells("Intro to Work - Day 4") == ["Intro to Work - Day 4"] + figures + ["not known", "not known"])
        let totals = ["200", "199", "99%", "198", "1", "0", "0", "0", "20", "40%"]
        #expect(cells("Total") == ["Total"] + totals)
        #expect(lines.contains { $0.contains("not known until the issuer says") })

        let programme = try folder.report(["--by", "programme"])
        #expect(programme.contains("\nProgramme  "))
        let row = programme.split(separator: "\n").first { $0.hasPrefix("Intro to Work  ") }
        #expect(row.map(Self.cells) == ["Intro to Work"] + totals)

        let months = try folder.report(["--by", "month"]).split(separator: "\n").map(String.init)
        #expect(months.first { $0.hasPrefix("November 2026  ") }.map(Self.cells)
            == ["November 2026", "50", "50", "100%", "50", "0", "0", "0", "0", "20", "40%"])
        #expect(months.first { $0.hasPrefix("December 2026  ") }.map(Self.cells)
            == ["December 2026", "150", "149", "99%", "148", "1", "0", "0", "0", "not known", "not known"])
    }

    @Test func fromAndToTakeTheKiosksDays() throws {
        let folder = try StateFolder()
        let text = try folder.report(["--from", "2026-12-01", "--to", "2026-12-02", "--format", "json"])
        let reply = try KioskAPI.decode(ReportReply.self, from: Array(text.utf8))
        #expect(reply.from == "2026-12-01" && reply.to == "2026-12-02")
        #expect(reply.rows == [HandCount.sessions[1].row(key: folder.sessionKeys[1]), HandCount.sessions[2].row(key: folder.sessionKeys[2])])
        #expect(try folder.report(["--to", "2026-11-30"]).contains("Claims by session, up to 2026-11-30."))
    }

    @Test(arguments: [(["--by", "week"], "--by takes session, programme or month, not 'week'"),
                      (["--from", "2026-13-01"], "--from takes a day written YYYY-MM-DD"),
                      (["--to", "yesterday"], "--to takes a day written YYYY-MM-DD, such as 2026-12-01, not 'yesterday'"),
                      (["--from", "2026-12-05", "--to", "2026-12-01"], "--to is a day before --from"),
                      (["--format", "xlsx"], "--format takes table, csv or json, not 'xlsx'")])
    func badOptionsAreOneLineAndExit2(words: [String], message: String) throws {
        // A folder with no database: the options are checked before it is looked at.
        let result = try BuiltBinary.run(["report", "--state-dir", NSTemporaryDirectory() + "no-such-\(UUID().uuidString)"] + words)
        #expect(result.status == 2, "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.hasPrefix("badgekiosk: \(message)"), "\(result.err)")
        #expect(result.err.contains("(see 'badgekiosk report --help')"))
    }

    @Test func aFolderWithNoDatabaseIsSaidPlainly() throws {
        let result = try BuiltBinary.run(["report", "--state-dir", NSTemporaryDirectory() + "no-such-\(UUID().uuidString)"])
        #expect(result.status == 1)
        #expect(result.err.contains("there is no database"))
    }
}
