import Foundation
import KioskAPI
import KioskCore
import KioskService

/// `badgekiosk outbox not-accepted`: learners who have not accepted their badge some days after it was sent.
extension OutboxCommand {
    /// How the list is printed.
    enum ListFormat: String, CaseIterable {
        case table, csv
    }

    static let notAcceptedAction = CommandDeclaration(
        "not-accepted", summary: "List sent awards the learner has not accepted after some days.",
        description: """
        Lists the awards sent to the issuer at least --days days ago (1 to 365) that the learner has not
        accepted, the most recently sent first (500 at most): the award number, the learner's first name
        and email, the badge, the session, the day it was sent, the days since, when the issuer was last
        asked whether it was accepted, and its answer ("not accepted", or "not known" while it has said
        nothing; Badgr never says). Once the retention purge has erased a learner's name and email, the
        award is still listed, marked "(erased)". It reads the database in the state folder directly;
        GET /api/v1/awards/not-accepted?days=N gives the same.

        None of the issuers' APIs lets the kiosk ask for the award email again, so the list ends with
        what to do instead for the configured issuer. CSV (RFC 4180) has a header row and one row per
        award; it holds learners' emails, so keep it private and delete it when done.
        """,
        options: [
            OptionDeclaration("days", valueName: "N", doc: "Awards sent at least this many days ago",
                              defaultValue: .value(String(NotAcceptedReply.defaultDays))),
            OptionDeclaration("format", valueName: "FORMAT", doc: "table or csv", defaultValue: .value(ListFormat.table.rawValue)),
        ],
        run: listNotAccepted)

    private static func listNotAccepted(_ parsed: ParsedArguments) throws {
        let given = parsed.string("days") ?? String(NotAcceptedReply.defaultDays)
        guard let days = Int(given), NotAcceptedReply.dayRange.contains(days) else {
            throw parsed.problem("--days takes a whole number of days from 1 to 365, not '\(given)'")
        }
        let format = try parsed.choice("format", of: ListFormat.self)
        let configuration = try SettingsOptions.load(parsed).service
        let store = try LocalStore.openExisting(configuration)
        defer { store.close() }
        let reply = try NotAcceptedReply.read(from: store, days: days, issuer: configuration.issuer, now: .now())
        switch format {
        case .table: for line in notAcceptedTable(reply) { Console.out(line) }
        case .csv: Console.text(notAcceptedCSV(reply))
        }
    }

    /// The lines `--format table` prints: a title, the headings, a row each, and what to do next.
    static func notAcceptedTable(_ reply: NotAcceptedReply) -> [String] {
        let heading = ["Award", "Name", "Email", "Badge", "Session", "Sent", "Days", "Last asked", "Issuer's answer"]
        let rows = reply.awards.map { award in
            [String(award.award), award.name ?? erased, award.email ?? erased, award.badgeName, award.sessionTitle,
             award.sentDay, String(award.daysSince), award.lastAskedAt.map { ReportPeriod.day(of: Timestamp($0)) } ?? "never",
             answerWords(award.answer)]
        }
        var lines = ["Awards sent \(reply.days) day\(reply.days == 1 ? "" : "s") ago or more and not accepted: "
            + "\(reply.awards.count)\(reply.more ? " (the most recent; there are more)" : "")."]
        if !rows.isEmpty {
            lines.append("")
            lines += TextTable.lines([heading] + rows) { [0, 6].contains($0) }
        }
        if reply.awards.contains(where: \.erased) {
            lines += ["", "\(erased): the retention purge has erased the learner's name and email; only the award is left."]
        }
        lines += ["", reply.nextStep]
        return lines
    }

    /// A header row of the API's names and a row per award, each ended by CRLF.
    static func notAcceptedCSV(_ reply: NotAcceptedReply) -> String {
        let header = ["award", "name", "email", "badge", "badgeName", "session", "sessionTitle", "sentDay", "daysSince",
                      "lastAskedDay", "answer"]
        let records = [header] + reply.awards.map { award in
            // Names and titles are typed by people: kept from running as formulas. The email is read back exactly.
            [String(award.award), CSVField.encode(award.name ?? ""), CSVField.encode(award.email ?? "", asText: false),
             CSVField.encode(award.badge), CSVField.encode(award.badgeName), String(award.session),
             CSVField.encode(award.sessionTitle), award.sentDay, String(award.daysSince),
             award.lastAskedAt.map { ReportPeriod.day(of: Timestamp($0)) } ?? "", award.answer]
        }
        return records.map(CSVField.record).joined()
    }

    private static let erased = "(erased)"

    private static func answerWords(_ answer: String) -> String {
        answer == "not_accepted" ? "not accepted" : "not known"
    }
}
