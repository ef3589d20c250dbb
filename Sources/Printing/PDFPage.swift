/// One page's drawing, in points from the bottom-left corner: text in an embedded font, filled
/// rectangles and dashed lines. Pure: it records what to draw; `PDFDocument` encodes it.
public struct PDFPage: Sendable {
    /// A font the document embeds, by its place in `PDFDocument.fonts`.
    public struct FontID: Hashable, Sendable {
        let index: Int
    }

    /// One thing drawn, in the order drawn.
    enum Mark: Sendable {
        case text(String, x: Double, y: Double, size: Double, font: Int)
        case fill(x: Double, y: Double, width: Double, height: Double)
        case cut(from: (x: Double, y: Double), to: (x: Double, y: Double))
    }

    public let width: Double
    public let height: Double
    private(set) var marks: [Mark] = []

    /// An A4 sheet, portrait.
    public static func a4() -> PDFPage { PDFPage(width: 595.28, height: 841.89) }

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `text` on one line with its left end at (`x`, `y`), the baseline, at `size` points.
    public mutating func text(_ text: String, x: Double, y: Double, size: Double, font: FontID) {
        marks.append(.text(text, x: x, y: y, size: size, font: font.index))
    }

    /// A filled black rectangle.
    public mutating func fill(x: Double, y: Double, width: Double, height: Double) {
        marks.append(.fill(x: x, y: y, width: width, height: height))
    }

    /// A thin grey dashed line: where to cut.
    public mutating func cutLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) {
        marks.append(.cut(from: start, to: end))
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }
}
