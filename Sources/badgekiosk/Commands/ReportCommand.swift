import Foundation
import KioskAPI
import KioskCore
import KioskService
import KioskStore

/// `badgekiosk report`: claims per session, programme or month, for funders, as a table, CSV or JSON.
enum ReportCommand {
    /// How the report is printed.
    enum Format: String, CaseIterable {
        case table, csv, json
    }

    static let declaration = CommandDeclaration(
        "report", summary: "Count claims per session, programme or month, with claim and acceptance rates.",
        description: """
        Counts whole claims (one learner each) per session, per programme (every session awarding one
        of its badges) or per month, with a total of every session counted: those expected, claimed,
        sent to the issuer, refused, kept for a learner with no email yet, lapsed unsent, still on their
        way, and accepted by the learner. Days are the kiosk's own (its time zone), --to included. The
        figures read the same after the retention purge. It reads the database in the state folder
        directly, so it works whether or not the service is running; GET /api/v1/reports gives the same.

        Rates are claimed of expected, and accepted of the sent claims the issuer has told about. The
        table shows them as whole percentages rounded down (100% only when every one), and says "not
        known" where the issuer has said nothing yet (Badgr never says). CSV (RFC 4180, for a
        spreadsheet) has a header row, a last row keyed "total", rates as decimals (0.98) and an empty
        field where not known; a label starting with = + - or @ gets a leading apostrophe, so a
        spreadsheet shows it rather than running it. JSON is the API's reply, with null where not known.
        """,
        options: LocalStore.options + [
            OptionDeclaration("by", valueName: "GROUPING", doc: "What each row counts: session, programme or month",
                              defaultValue: .value(ReportGrouping.session.rawValue)),
            OptionDeclaration("from", valueName: "DATE", doc: "The first day counted, as YYYY-MM-DD",
                              defaultValue: .described("the first session")),
            OptionDeclaration("to", valueName: "DATE", doc: "The last day counted, as YYYY-MM-DD", defaultValue: .described("today")),
            OptionDeclaration("format", valueName: "FORMAT", doc: "table, csv or json", defaultValue: .value(Format.table.rawValue)),
        ],
        run: run)

    private static func run(_ parsed: ParsedArguments) throws {
        let grouping = try parsed.choice("by", of: ReportGrouping.self)
        let format = try parsed.choice("format", of: Format.self)
        let period = try period(parsed)
        let configuration = try SettingsOptions.load(parsed).service
        let store = try LocalStore.openExisting(configuration)
        defer { store.close() }
        let reply = try ReportReply.read(from: store, by: grouping, period: period)
        switch format {
        case .table: for line in table(reply) { Console.out(line) }
        case .csv: Console.text(csv(reply))
        case .json: Console.out(String(decoding: try KioskAPI.encode(reply), as: UTF8.self))
        }
    }

    /// `--from` and `--to`, checked as the API checks them; a bad one is a usage error naming it.
    static func period(_ parsed: ParsedArguments) throws(UsageError) -> ReportPeriod {
        let from = parsed.string("from"), to = parsed.string("to")
        do {
            return try ReportPeriod(from: from, to: to, name: { "--\($0)" })
        } catch {
            let given = error.field == "from" ? from : to
            let message = error.message.hasSuffix(".") ? String(error.message.dropLast()) : error.message
            throw parsed.problem(error.code == "to_before_from" ? message : "\(message), not '\(given ?? "")'")
        }
    }
}
