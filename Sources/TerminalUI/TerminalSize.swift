/// A terminal's size in character cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest size the front is designed for, and what a Linux VT usually is at boot.
    public static let standard = TerminalSize(columns: 80, rows: 25)

    public var description: String { "\(columns)x\(rows)" }
}
