/// Checks shared by every free-text field a person types: names, titles, descriptions.
///
/// Every check looks at Unicode scalars, not at characters: a character (a grapheme cluster) can
/// hide any number of joiners and marks behind one visible letter.
public enum TextRules {
    /// Combining marks one character may carry. Real writing needs few (Vietnamese two, pointed
    /// Hebrew three, a Tibetan or Devanagari stack five); piles of them draw over the lines around.
    public static let maxMarksPerCharacter = 6
    /// UTF-8 bytes allowed per character of a field's limit: four, the most one scalar takes.
    static let bytesPerCharacter = 4

    /// Trims, then refuses empty text, text over `maxLength` characters (or `4 × maxLength` bytes),
    /// and text that could display as something else: control, format, invisible and
    /// direction-changing characters, stray joiners, and piles of combining marks.
    public static func clean(_ raw: String?, field: String, label: String, maxLength: Int) throws(FieldError) -> String {
        let text = (raw ?? "").trimmingWhitespace()
        guard !text.isEmpty else {
            throw FieldError(field: field, code: "\(field)_missing", message: "Please type \(label).")
        }
        guard text.utf8.count <= maxLength * bytesPerCharacter, text.count <= maxLength else {
            throw FieldError(field: field, code: "\(field)_too_long",
                             message: "That is too long. Please use at most \(maxLength) characters for \(label).")
        }
        guard isWellFormed(text) else {
            throw FieldError(field: field, code: "\(field)_invalid",
                             message: "Please use only letters, numbers and punctuation for \(label).")
        }
        return text
    }

    /// No forbidden scalar, joiners only between letters, marks or emoji, and no character with
    /// more than `maxMarksPerCharacter` combining marks.
    static func isWellFormed(_ text: String) -> Bool {
        // Printable ASCII has no joiner, invisible or mark: most names and titles stop here.
        if text.utf8.allSatisfy(isPrintableASCII) { return true }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isJoiner(scalar) {
                guard index > 0, index + 1 < scalars.count,
                      canJoin(scalars[index - 1]), canJoin(scalars[index + 1]) else { return false }
            } else if isInvisible(scalar) && !isVariationSelector(scalar) {
                return false
            }
        }
        return text.allSatisfy { character in
            character.unicodeScalars.count(where: isMark) <= maxMarksPerCharacter
        }
    }

    /// Characters that show nothing themselves or change how the text around them shows: C0 and C1
    /// controls, format characters (bidi controls, zero-width space, joiners, BOM), line and paragraph
    /// separators, private-use characters and every default-ignorable code point (Hangul fillers).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return !isPrintableASCII(UInt8(scalar.value)) }
        return switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse: true
        default: scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// U+200C and U+200D: they shape Persian and Indic writing and build emoji such as 👩🏽‍🎓.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200C || scalar.value == 0x200D
    }

    /// Variation selectors pick a letter's or an emoji's form (❤️); they count as marks.
    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F: true
        default: false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        return switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
        return switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// Unicode's White_Space, answered for ASCII without the property tables (a claim's name and
    /// email are checked scalar by scalar on every request).
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// A space, letter, digit or punctuation of ASCII: nothing that controls the display.
    static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    /// What a joiner may stand between: letters, marks and symbols such as emoji and skin tones.
    private static func canJoin(_ scalar: Unicode.Scalar) -> Bool {
        if isLetter(scalar) || isMark(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .otherSymbol, .modifierSymbol: return true
        default: return false
        }
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextRules.isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !TextRules.isWhitespace($0) })!
        return String(scalars[first...last])
    }
}
