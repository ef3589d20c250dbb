/// A screen's worth of cells, drawn into by views and compared by the renderer.
public struct CellBuffer: Equatable, Sendable {
    public let size: TerminalSize
    public internal(set) var cells: [Cell]

    public init(size: TerminalSize, fill: Cell = .blank) {
        self.size = TerminalSize(columns: max(0, size.columns), rows: max(0, size.rows))
        cells = Array(repeating: fill, count: self.size.columns * self.size.rows)
    }

    public var width: Int { size.columns }
    public var height: Int { size.rows }

    /// The cell at column `x`, row `y`; writes outside the buffer are dropped, so views can clip freely.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The text of row `y`, trailing spaces kept (for golden frames and tests).
    public func line(_ y: Int) -> String {
        String((0..<width).map { self[$0, y].character })
    }

    /// Every row as plain text, trailing spaces trimmed, one line each.
    public var plainText: String {
        (0..<height).map { y in
            var text = line(y)
            while text.last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n")
    }
}
