/// Turns frames into terminal output, writing only the cells that changed since the last frame.
///
/// Uses nothing but cursor positioning, SGR and clear-screen, which the Linux console and every
/// emulator share (the alternate screen is `Terminal`'s business, on the way in and out).
public struct DiffRenderer: Sendable {
    private var previous: CellBuffer?
    private var style = Style.plain

    public init() {}

    /// Forgets what is on screen, so the next frame is drawn in full (after a resize, or when
    /// something else may have written to the terminal).
    public mutating func invalidate() {
        previous = nil
    }

    /// The bytes that turn the screen from the last frame into `frame`.
    public mutating func render(_ frame: CellBuffer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        let old: CellBuffer
        if let previous, previous.size == frame.size {
            old = previous
        } else {
            // Clear in the plain style, so the cleared screen matches a blank cell.
            out += Array("\u{1B}[0m\u{1B}[H\u{1B}[2J".utf8)
            style = .plain
            old = CellBuffer(size: frame.size)
        }
        var cursor: (x: Int, y: Int)? = nil
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                guard cell != old[x, y] else { continue }
                if cursor == nil || cursor! != (x, y) {
                    out += Array("\u{1B}[\(y + 1);\(x + 1)H".utf8)
                }
                if cell.style != style {
                    out += Array(cell.style.sgr.utf8)
                    style = cell.style
                }
                out += Array(String(cell.character).utf8)
                cursor = (x + 1, y)
            }
        }
        previous = frame
        return out
    }
}
