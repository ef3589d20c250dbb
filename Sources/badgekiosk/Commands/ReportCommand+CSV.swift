import KioskAPI
import KioskCore

/// The report as CSV for a spreadsheet (RFC 4180).
extension ReportCommand {
    /// A header row, a row each, and the total keyed `total`; every record ends with CRLF. Rates are
    /// decimals (0.98), and a figure not known is an empty field, never a zero.
    static func csv(_ reply: ReportReply) -> String {
        // The header is the API's names, so a column means the same in CSV as in JSON.
        let records = [ReportReply.Row.fieldNames] + (reply.rows + [reply.total]).map { row in
            // Labels are typed by staff (session titles, programme names): kept from running as formulas.
            [CSVField.encode(row.key), CSVField.encode(row.label), "\(row.expected)", "\(row.claimed)", decimal(row.claimRate),
             "\(row.sent)", "\(row.failed)", "\(row.waiting)", "\(row.lapsed)", "\(row.onTheWay)",
             row.accepted.map(String.init) ?? "", decimal(row.acceptanceRate)]
        }
        return records.map(CSVField.record).joined()
    }

    /// `0.98` for 0.98, `0.3333` for a third, `1` for all: at most four places, no exponent, no
    /// trailing zeros; empty for nil.
    static func decimal(_ rate: Double?) -> String {
        guard let rate else { return "" }
        // Worked in whole ten-thousandths, so the text never depends on how a Double prints itself.
        let scaled = Int((rate * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        let digits = String(repeating: "0", count: 4 - fraction.count) + fraction
        let trimmed = digits.reversed().drop { $0 == "0" }.reversed()
        return "\(scaled / 10_000)" + (trimmed.isEmpty ? "" : "." + String(trimmed))
    }
}
