/// Block letters of our own, five cells tall, drawn with reverse-video spaces so they show the same
/// on every console font (no box or block glyphs needed).
public enum BigFont {
    /// Rows of one line of big text.
    public static let height = 5
    /// Blank columns between two glyphs.
    static let gap = 1

    /// Text in capitals, with the look-alikes the font draws the same way folded together.
    static func folded(_ text: String) -> [Character] {
        text.uppercased().map { aliases[$0] ?? $0 }
    }

    /// True when every character of `text` has a glyph.
    public static func canRender(_ text: String) -> Bool {
        folded(text).allSatisfy { glyphs[$0] != nil }
    }

    /// Columns `text` takes (zero when a character has no glyph).
    public static func width(of text: String) -> Int {
        let characters = folded(text)
        var total = 0
        for character in characters {
            guard let glyph = glyphs[character] else { return 0 }
            total += glyph.width
        }
        return total + max(0, characters.count - 1) * gap
    }

    /// `text` split at spaces into lines that each fit in `width` columns of big letters;
    /// nil when a glyph is missing or one word alone is too wide.
    public static func lines(_ text: String, width: Int) -> [String]? {
        guard canRender(text) else { return nil }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if self.width(of: candidate) <= width {
                line = candidate
                continue
            }
            guard self.width(of: String(word)) <= width else { return nil }
            lines.append(line)
            line = String(word)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Draws one line of big text with its top-left corner at (`x`, `y`).
    public static func draw(_ text: String, into buffer: inout CellBuffer, x: Int, y: Int, style: Style = .reverse) {
        var column = x
        for character in folded(text) {
            guard let glyph = glyphs[character] else { continue }
            for (row, bits) in glyph.rows.enumerated() {
                for (offset, bit) in bits.enumerated() where bit {
                    buffer[column + offset, y + row] = Cell(" ", style: style)
                }
            }
            column += glyph.width + gap
        }
    }

    /// One letter: `height` rows of on/off cells.
    struct Glyph: Sendable {
        let rows: [[Bool]]
        var width: Int { rows.first?.count ?? 0 }

        init(_ pattern: [String]) {
            rows = pattern.map { $0.map { $0 == "#" } }
        }
    }

    /// Characters drawn with another's glyph: Cyrillic letters shaped like Latin ones, typographic marks.
    static let aliases: [Character: Character] = [
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
        "Х": "X", "І": "I", "З": "3", "—": "-", "–": "-", "’": "'",
    ]

    static let glyphs: [Character: Glyph] = latin.merging(cyrillic) { first, _ in first }
}
