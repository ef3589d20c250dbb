import KioskCore
import Testing

@Suite("CSV fields")
struct CSVFieldTests {
    @Test("plain text stays as it is; commas, quotes and line breaks are quoted as RFC 4180 asks",
          arguments: [("Amira", "Amira"), ("Day 1, Monday", "\"Day 1, Monday\""), ("Say \"hi\"", "\"Say \"\"hi\"\"\""),
                      ("two\nlines", "\"two\nlines\""), ("", ""), ("Zoë Kowalczyk", "Zoë Kowalczyk")])
    func quoting(value: String, expected: String) {
        #expect(CSVField.encode(value) == expected)
    }

    @Test("a value a spreadsheet would run as a formula is kept as text",
          arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"])
    func formulas(value: String) {
        let encoded = CSVField.encode(value)
        let unquoted = encoded.hasPrefix("\"") ? String(encoded.dropFirst()) : encoded
        #expect(unquoted.hasPrefix("'"))
        #expect(!CSVField.encode(value, asText: false).contains("'"))
    }
}
