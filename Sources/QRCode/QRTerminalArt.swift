/// How a QR code is drawn in a terminal: half blocks (two module rows a cell, square on most
/// fonts), or two reverse-video spaces a module for console fonts without half blocks.
public enum QRRenderStyle: String, Sendable, CaseIterable {
    case halfBlock = "halfblock"
    case blocks
}

/// What one terminal cell of a drawn QR code shows.
public enum QRCell: Sendable, Equatable {
    case light
    case dark
    /// Half blocks only: the upper module dark, the lower light.
    case upperDark
    /// Half blocks only: the upper module light, the lower dark.
    case lowerDark
}

/// A QR code laid out in terminal cells, quiet zone included.
public struct QRTerminalArt: Sendable, Equatable {
    public let style: QRRenderStyle
    public let width: Int
    public let height: Int
    public let cells: [QRCell]

    public init(_ code: QRCode, style: QRRenderStyle) {
        self.style = style
        let padded = code.paddedSize
        var cells: [QRCell] = []
        switch style {
        case .halfBlock:
            width = padded
            height = (padded + 1) / 2
            for row in 0..<height {
                for x in 0..<padded {
                    let upper = code.isDarkPadded(x: x, y: row * 2)
                    // An odd module count leaves the last cell's lower half below the code: light.
                    let lower = row * 2 + 1 < padded && code.isDarkPadded(x: x, y: row * 2 + 1)
                    cells.append(upper ? (lower ? .dark : .upperDark) : (lower ? .lowerDark : .light))
                }
            }
        case .blocks:
            width = padded * 2
            height = padded
            for y in 0..<padded {
                for x in 0..<padded {
                    let cell: QRCell = code.isDarkPadded(x: x, y: y) ? .dark : .light
                    cells += [cell, cell]
                }
            }
        }
        self.cells = cells
    }

    public subscript(x: Int, y: Int) -> QRCell {
        cells[y * width + x]
    }

    /// The cells a code for `moduleCount` modules a side (without quiet zone) needs in `style`.
    public static func footprint(moduleCount: Int, style: QRRenderStyle) -> (width: Int, height: Int) {
        let padded = moduleCount + 2 * QRCode.quietZone
        return style == .halfBlock ? (padded, (padded + 1) / 2) : (padded * 2, padded)
    }
}
