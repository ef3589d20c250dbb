/// A strict RFC 4180 reader, for reading back what `badgekiosk report --format csv` writes: records end
/// with CRLF, a field is bare or in double quotes, and a quote inside a quoted field is doubled.
/// Anything else (a bare CR or LF between records, a quote inside a bare field, text after a closing
/// quote, an unclosed quote, a last record without its CRLF) is refused, so a slip in the writer cannot pass unseen.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func records(_ text: String) throws -> [[String]] {
        // Scalars, not Characters: Swift makes CRLF one Character, and a quote could merge with a combining mark.
        var input = Array(text.unicodeScalars)[...]
        var records: [[String]] = []
        var record: [String] = []
        while !input.isEmpty {
            var field = String.UnicodeScalarView()
            if input.first == "\"" {
                input.removeFirst()
                while true {
                    guard let scalar = input.popFirst() else { throw Malformed(description: "a quoted field is never closed") }
                    if scalar == "\"" {
                        guard input.first == "\"" else { break }
                        input.removeFirst()
                    }
                    field.append(scalar)
                }
            } else {
                while let scalar = input.first, scalar != ",", scalar != "\r" {
                    guard scalar != "\"" else { throw Malformed(description: "a quote inside the bare field '\(String(field))'") }
                    guard scalar != "\n" else { throw Malformed(description: "a bare LF after '\(String(field))'") }
                    field.append(scalar)
                    input.removeFirst()
                }
            }
            record.append(String(field))
            switch input.popFirst() {
            case ",":
                // A comma at the very end still promises one more field and its CRLF.
                if input.isEmpty { throw Malformed(description: "the text ends after a comma") }
            case "\r":
                guard input.popFirst() == "\n" else { throw Malformed(description: "a CR without its LF") }
                records.append(record)
                record = []
            case nil:
                throw Malformed(description: "the last record does not end with CRLF")
            case let other?:
                throw Malformed(description: "'\(other)' after a closing quote")
            }
        }
        return records
    }
}
