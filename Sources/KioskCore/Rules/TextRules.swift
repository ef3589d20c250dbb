/// Checks shared by every free-text field a person types: names, titles, descriptions.
public enum TextRules {
    /// Trims, then refuses empty text, text over `maxLength` characters, and control or
    /// direction-override characters (which can make a name display as something else).
    public static func clean(_ raw: String?, field: String, label: String, maxLength: Int) throws(FieldError) -> String {
        let text = (raw ?? "").trimmingWhitespace()
        guard !text.isEmpty else {
            throw FieldError(field: field, code: "\(field)_missing", message: "Please type \(label).")
        }
        guard text.count <= maxLength else {
            throw FieldError(field: field, code: "\(field)_too_long",
                             message: "That is too long. Please use at most \(maxLength) characters for \(label).")
        }
        guard !text.unicodeScalars.contains(where: isForbidden) else {
            throw FieldError(field: field, code: "\(field)_invalid",
                             message: "Please use only letters, numbers and punctuation for \(label).")
        }
        return text
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true          // C0 and C1 controls, including newlines
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides and isolates
        case 0xFEFF, 0xFFF9...0xFFFB: true           // BOM and interlinear annotation marks
        default: false
        }
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
