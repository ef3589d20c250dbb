/// Columns of text lined up for the terminal: words read left to right, figures line up on their last digit.
enum TextTable {
    /// Each row's cells padded to its column's widest, two spaces apart; `isFigure` says which columns
    /// are figures (every one but the first, unless told).
    static func lines(_ rows: [[String]], isFigure: (Int) -> Bool = { $0 > 0 }) -> [String] {
        let widths = self.widths(rows)
        return rows.map { cells in
            let line = cells.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return isFigure(column) ? pad + text : text + pad
            }.joined(separator: "  ")
            // Words in the last column leave no padding at the line's end.
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }

    /// A rule as wide as `lines` makes the rows.
    static func rule(_ rows: [[String]]) -> String {
        let widths = self.widths(rows)
        return String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
    }

    private static func widths(_ rows: [[String]]) -> [Int] {
        let columns = rows.map(\.count).max() ?? 0
        return (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    }
}
