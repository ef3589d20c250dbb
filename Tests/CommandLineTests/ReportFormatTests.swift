@testable import badgekiosk
import KioskAPI
import Testing

/// `badgekiosk report`'s CSV and table, from replies made here: quoting, the formula guard, rates.
@Suite("The report's CSV and table")
struct ReportFormatTests {
    private func row(_ key: String, _ label: String, claimRate: Double? = 0.5, accepted: Int? = nil) -> ReportReply.Row {
        ReportReply.Row(key: key, label: label, expected: 4, claimed: 2, claimRate: claimRate, sent: 2, failed: 0, waiting: 0,
                        lapsed: 0, onTheWay: 0, accepted: accepted, acceptanceRate: accepted.map { Double($0) / 2 })
    }

    private func reply(_ labels: [String]) -> ReportReply {
        ReportReply(by: "session", from: nil, to: nil, rows: labels.enumerated().map { row(String($0 + 1), $1) },
                    total: row("total", "Total"))
    }

    @Test("labels with commas, quotes and line breaks are quoted, and read back as they were")
    func quoting() throws {
        let labels = ["Day 1, Monday", "Say \"hi\"", "two\nlines", "carriage\r\nreturn", "Zoë Kowalczyk — Łódź", ""]
        let text = ReportCommand.csv(reply(labels))
        #expect(text.contains("\r\n1,\"Day 1, Monday\",4,2,0.5,"))
        #expect(text.contains("\r\n2,\"Say \"\"hi\"\"\",4,"))
        let records = try CSVReader.records(text)
        #expect(records.count == labels.count + 2)
        #expect(records.allSatisfy { $0.count == ReportReply.Row.fieldNames.count })
        #expect(records[0] == ReportReply.Row.fieldNames)
        #expect(records.dropFirst().dropLast().map { $0[1] } == labels)
        #expect(records.last?.prefix(2) == ["total", "Total"])
    }

    @Test("a label a spreadsheet would run as a formula gets a leading apostrophe, and only such a label",
          arguments: ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+44 7700 900123", "-2+3", "@SUM(A1:A9)", "=1,2"])
    func formulaGuard(label: String) throws {
        let text = ReportCommand.csv(reply([label, "Intro - Day 1"]))
        let records = try CSVReader.records(text)
        #expect(records[1][1] == "'" + label)
        #expect(records[2][1] == "Intro - Day 1")
        #expect(records.joined().allSatisfy { !"=+-@".contains($0.first ?? "'") }, "no field a spreadsheet reads starts a formula")
    }

    @Test("rates are decimals of at most four places, and a figure not known is an empty field")
    func decimals() throws {
        for (rate, text) in [(0.98, "0.98"), (1, "1"), (0, "0"), (1.0 / 3, "0.3333"), (2.0 / 3, "0.6667"), (0.995, "0.995"),
                             (1.2, "1.2"), (0.0001, "0.0001"), (149.0 / 150, "0.9933")] as [(Double, String)] {
            #expect(ReportCommand.decimal(rate) == text)
        }
        #expect(ReportCommand.decimal(nil) == "")
        var unknown = reply(["A"])
        unknown.rows[0] = row("1", "A", claimRate: nil, accepted: nil)
        let records = try CSVReader.records(ReportCommand.csv(unknown))
        let fields = Dictionary(uniqueKeysWithValues: zip(records[0], records[1]))
        #expect(fields["claimRate"] == "" && fields["accepted"] == "" && fields["acceptanceRate"] == "")
        #expect(fields["sent"] == "2" && fields["failed"] == "0")
    }

    @Test("the table shows whole percentages rounded down, so 100% means every one")
    func percentages() {
        for (rate, text) in [(0.29, "29%"), (0.995, "99%"), (1, "100%"), (0, "0%"), (1.1, "110%"), (0.98, "98%"), (0.4, "40%")]
            as [(Double, String)] {
            #expect(ReportCommand.percent(rate) == text)
        }
        #expect(ReportCommand.percent(nil) == "not known")
    }

    @Test("the table's columns line up, the total comes last, and not known is explained")
    func table() {
        var report = reply(["Intro to Work - Day 1", "A"])
        report.rows[0] = row("1", "Intro to Work - Day 1", accepted: 1)
        let lines = ReportCommand.table(report)
        #expect(lines[0] == "Claims by session, every day.")
        #expect(lines[1].isEmpty)
        let (header, rule) = (lines[2], lines[5])
        let rows = [lines[3], lines[4], lines[6]]
        #expect(header.hasPrefix("Session  ") && header.hasSuffix("  Acceptance"))
        #expect(rule.count == header.count && rule.allSatisfy { $0 == "-" })
        #expect(rows.map { $0.prefix(5) } == ["Intro", "A    ", "Total"])
        // Every figure ends where its heading ends (the label, read left to right, starts where its heading starts).
        let ends = Self.cellEnds(header)
        #expect(ends.count == 11)
        for line in rows {
            #expect(line.count == header.count, "\(line)")
            #expect(Set(ends.dropFirst()).isSubset(of: Self.cellEnds(line)), "\(line)")
        }
        #expect(rows[0].hasSuffix(" 1         50%") && rows[1].hasSuffix("not known   not known"))
        #expect(lines.last?.contains("not known until the issuer says") == true)
        report.from = "2026-12-01"
        #expect(ReportCommand.title(report) == "Claims by session, from 2026-12-01 on.")
        report.to = "2026-12-31"
        #expect(ReportCommand.title(report) == "Claims by session, 2026-12-01 to 2026-12-31.")
    }

    /// Where each cell of a table line ends: cells are parted by two spaces or more.
    static func cellEnds(_ line: String) -> [Int] {
        let chars = Array(line)
        return chars.indices.filter { index in
            chars[index] != " "
                && (index + 1 == chars.count || (chars[index + 1] == " " && index + 2 < chars.count && chars[index + 2] == " "))
        }
    }
}
