/// The one sanitiser every log line goes through, whatever it carries: a request path, an issuer's
/// refusal, an error from the system.
///
/// A log is read on terminals and by tools that split it into lines, so text from outside must not
/// start a new line, move the cursor, or reorder what is shown: C0 and C1 controls (newlines, ESC,
/// U+0085, U+009B), U+2028 and U+2029, and the bidi controls are written as `\u{…}` escapes instead.
/// Applying it twice changes nothing more.
public enum LogText {
    /// Scalars beyond this many are cut, with `…` to show it.
    public static let maxScalars = 2000

    public static func sanitize(_ text: String, limit: Int = maxScalars) -> String {
        // What a client sends is almost always short printable ASCII, which is kept as it is.
        if text.utf8.count <= limit, text.utf8.allSatisfy(TextRules.isPrintableASCII) { return text }
        var out = String.UnicodeScalarView()
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == limit {
                out.append("…")
                break
            }
            if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return !TextRules.isPrintableASCII(UInt8(scalar.value)) }
        return switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: scalar.properties.isBidiControl
        }
    }
}
