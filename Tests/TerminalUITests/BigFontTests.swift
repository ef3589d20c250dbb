import Testing
@testable import TerminalUI

@Suite("Block letters")
struct BigFontTests {
    /// The glyphs as text: `#` for a reversed cell.
    static func picture(_ text: String) -> [String] {
        var buffer = CellBuffer(size: TerminalSize(columns: BigFont.width(of: text), rows: BigFont.height))
        BigFont.draw(text, into: &buffer, x: 0, y: 0)
        return (0..<buffer.height).map { y in
            String((0..<buffer.width).map { buffer[$0, y].style.reverse ? "#" : " " })
        }
    }

    @Test func drawsWithReverseVideoSpacesOnly() {
        var buffer = CellBuffer(size: TerminalSize(columns: 40, rows: 5))
        BigFont.draw("K7M-2QX", into: &buffer, x: 0, y: 0)
        #expect(buffer.cells.allSatisfy { $0.character == " " })
        #expect(buffer.cells.contains { $0.style.reverse })
    }

    @Test func questionMarkHasAllItsRows() {
        #expect(Self.picture("?") == ["### ", "   #", " ## ", "    ", " #  "])
    }

    @Test func everyGlyphIsFiveRowsAndRectangular() {
        for (character, glyph) in BigFont.glyphs {
            #expect(glyph.rows.count == BigFont.height, "\(character)")
            #expect(Set(glyph.rows.map(\.count)).count == 1, "\(character)")
        }
    }

    @Test func coversLatinDigitsUkrainianAndCommonPunctuation() {
        #expect(BigFont.canRender("Got a badge to collect? 0123456789 .,!'-:/()"))
        #expect(BigFont.canRender("Маєте значок, щоб отримати? Ґанок Їжак Юля"))
        #expect(!BigFont.canRender("Odznakę"))
    }

    @Test func wrapsAtSpacesToFitAWidth() throws {
        let lines = try #require(BigFont.lines("Got a badge to collect?", width: 76))
        #expect(lines == ["Got a badge to", "collect?"])
        #expect(lines.allSatisfy { BigFont.width(of: $0) <= 76 })
        #expect(BigFont.lines("Supercalifragilistic", width: 20) == nil)
    }
}
