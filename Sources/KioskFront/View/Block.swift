import TerminalUI

/// A piece of a screen with a known height, so screens can be stacked and centred vertically.
struct Block {
    var height: Int
    var draw: (inout CellBuffer, Int) -> Void

    static func gap(_ rows: Int = 1) -> Block {
        Block(height: rows) { _, _ in }
    }

    /// Wrapped text, centred within `area`.
    static func text(_ text: String, in area: Area, style: Style = .plain) -> Block {
        let lines = TextLayout.wrap(text, width: area.width)
        return Block(height: lines.count) { buffer, y in
            for (index, line) in lines.enumerated() {
                buffer.centre(line, y: y + index, style: style, x: area.x, width: area.width)
            }
        }
    }

    /// Block letters when they fit (and the font has every glyph), else bold text.
    static func big(_ text: String, in area: Area, style: Style = .reverse) -> Block {
        guard let lines = BigFont.lines(text, width: area.width) else {
            return .text(text, in: area, style: .bold)
        }
        let height = lines.count * (BigFont.height + 1) - 1
        return Block(height: height) { buffer, y in
            for (index, line) in lines.enumerated() {
                let x = area.x + (area.width - BigFont.width(of: line)) / 2
                BigFont.draw(line, into: &buffer, x: x, y: y + index * (BigFont.height + 1), style: style)
            }
        }
    }

    /// A boxed text input with a caret; the end stays in view when the text is longer than the box.
    static func field(_ field: TextField, in area: Area, width: Int, masked: Bool = false) -> Block {
        let boxWidth = min(area.width, width)
        let x = area.x + (area.width - boxWidth) / 2
        let room = max(1, boxWidth - 4)
        let characters = masked ? Array(repeating: Character("*"), count: field.characters.count) : field.characters
        let start = max(0, field.cursor - room + 1)
        return Block(height: 3) { buffer, y in
            buffer.box(x: x, y: y, width: boxWidth, height: 3, style: .bold)
            for (offset, character) in characters.dropFirst(start).prefix(room).enumerated() {
                buffer[x + 2 + offset, y + 1] = Cell(character, style: .bold)
            }
            let caret = x + 2 + field.cursor - start
            let under = field.cursor < characters.count ? characters[field.cursor] : " "
            buffer[caret, y + 1] = Cell(under, style: Style(bold: true, reverse: true))
        }
    }

    /// Answers to choose from; the highlighted one is reversed and marked with `>` (not colour alone).
    static func choices(_ choices: [String], selected: Int, in area: Area) -> Block {
        let width = min(area.width, (choices.map(\.count).max() ?? 0) + 6)
        let x = area.x + (area.width - width) / 2
        return Block(height: choices.count * 2 - 1) { buffer, y in
            for (index, choice) in choices.enumerated() {
                let row = y + index * 2
                let chosen = index == selected
                let style = chosen ? Style(bold: true, reverse: true) : Style.plain
                buffer.fill(x: x, y: row, width: width, height: 1, with: Cell(" ", style: style))
                buffer.put(chosen ? ">" : " ", x: x + 1, y: row, style: style)
                buffer.put(String(choice.prefix(width - 4)), x: x + 3, y: row, style: style)
            }
        }
    }

    /// A problem and how to fix it: white on red, bold, starting with `!` so it reads without colour.
    static func problem(_ text: String, in area: Area) -> Block {
        let lines = TextLayout.wrap("! " + text, width: area.width - 2)
        let width = min(area.width, (lines.map(\.count).max() ?? 0) + 2)
        let x = area.x + (area.width - width) / 2
        let style = Style(foreground: .white, background: .red, bold: true)
        return Block(height: lines.count) { buffer, y in
            for (index, line) in lines.enumerated() {
                buffer.fill(x: x, y: y + index, width: width, height: 1, with: Cell(" ", style: style))
                buffer.put(line, x: x + 1, y: y + index, style: style)
            }
        }
    }
}

/// Columns a screen's content uses: a left edge and a width.
struct Area {
    var x: Int
    var width: Int
}

extension CellBuffer {
    /// Draws `blocks` one under another, centred vertically between rows `top` and `bottom`;
    /// when they do not fit they start at `top` and the last are cut off.
    mutating func stack(_ blocks: [Block], top: Int, bottom: Int) {
        let total = blocks.reduce(0) { $0 + $1.height }
        var y = top + max(0, (bottom - top - total) / 2)
        for block in blocks {
            block.draw(&self, y)
            y += block.height
        }
    }
}
