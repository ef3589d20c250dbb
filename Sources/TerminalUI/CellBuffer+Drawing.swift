extension CellBuffer {
    /// Writes `text` from column `x` on row `y`, one character a cell; returns the column after it.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain) -> Int {
        var column = x
        for character in text {
            self[column, y] = Cell(TextLayout.printable(character), style: style)
            column += 1
        }
        return column
    }

    /// Writes `text` centred on row `y` within columns `x..<x+width` (the whole row by default).
    public mutating func centre(_ text: String, y: Int, style: Style = .plain, x: Int = 0, width: Int? = nil) {
        let room = width ?? self.width - x
        let length = text.count
        put(String(text.prefix(room)), x: x + max(0, (room - length) / 2), y: y, style: style)
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with cell: Cell) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) {
                cells[row * self.width + column] = cell
            }
        }
    }

    /// A rectangle outlined with box-drawing lines (every Linux console font has them).
    public mutating func box(x: Int, y: Int, width: Int, height: Int, style: Style = .plain) {
        guard width >= 2, height >= 2 else { return }
        for column in x + 1..<x + width - 1 {
            self[column, y] = Cell("─", style: style)
            self[column, y + height - 1] = Cell("─", style: style)
        }
        for row in y + 1..<y + height - 1 {
            self[x, row] = Cell("│", style: style)
            self[x + width - 1, row] = Cell("│", style: style)
        }
        self[x, y] = Cell("┌", style: style)
        self[x + width - 1, y] = Cell("┐", style: style)
        self[x, y + height - 1] = Cell("└", style: style)
        self[x + width - 1, y + height - 1] = Cell("┘", style: style)
    }

    /// Wraps `text` to `width` and writes it centred from row `y`; returns the row after the last line.
    @discardableResult
    public mutating func paragraph(_ text: String, y: Int, width: Int, style: Style = .plain, x: Int = 0,
                                   centred: Bool = true) -> Int {
        var row = y
        for line in TextLayout.wrap(text, width: width) {
            if centred {
                centre(line, y: row, style: style, x: x, width: width)
            } else {
                put(line, x: x, y: row, style: style)
            }
            row += 1
        }
        return row
    }

    /// Copies `other` with its top-left corner at (`x`, `y`), clipped to this buffer.
    public mutating func blit(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width {
                self[x + column, y + row] = other[column, row]
            }
        }
    }
}
