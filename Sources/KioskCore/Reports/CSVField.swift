import Foundation

/// One field of a CSV file for a spreadsheet: quoted as RFC 4180 asks, and kept from running as a formula.
public enum CSVField {
    /// `value` ready to sit between commas.
    ///
    /// Learners type their own names, and admins open these files in spreadsheets, which run a cell
    /// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (OWASP's "CSV
    /// injection"). Such a value gets a leading apostrophe, which spreadsheets show as text; pass
    /// `asText: false` for a value a program reads back exactly (an email address) and no spreadsheet runs.
    public static func encode(_ value: String, asText: Bool = true) -> String {
        var text = value
        if asText, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record of fields already encoded, ended by CRLF as RFC 4180 asks.
    public static func record(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }
}
