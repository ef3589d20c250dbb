/// Plain-text layout: word wrapping and what a cell can safely show.
public enum TextLayout {
    /// Splits `text` into lines of at most `width` characters, breaking at spaces where it can
    /// and inside a word only when the word alone is too long. `\n` starts a new line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count <= width {
                    line += " " + word
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                var rest = word
                while rest.count > width {
                    lines.append(String(rest.prefix(width)))
                    rest = rest.dropFirst(width)
                }
                line = String(rest)
            }
            lines.append(line)
        }
        return lines
    }

    /// The character itself, or a space for controls that would move the cursor or change modes.
    static func printable(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first else { return " " }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return " "
        default: return character
        }
    }
}
