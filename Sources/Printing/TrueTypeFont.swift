/// A TrueType font file, read far enough to embed it in a PDF: glyph numbers for characters (the
/// `cmap`), their advance widths (`hmtx`) and the metrics a PDF font descriptor names.
public struct TrueTypeFont: Sendable {
    /// The whole file, embedded as it is (`FontFile2`).
    public let data: [UInt8]
    /// The PostScript-safe name the PDF gives the font, e.g. `DejaVuSans-Bold`.
    public let name: String
    let unitsPerEm: Int
    let ascent: Int
    let descent: Int
    let capHeight: Int
    let boundingBox: [Int]
    private let advances: [UInt16]
    private let segments: [Segment]

    /// One run of the `cmap` format 4 table: characters `start...end` and how they map to glyphs.
    private struct Segment: Sendable {
        var start: UInt32
        var end: UInt32
        var delta: Int
        /// Where this segment's glyph numbers start in the file, or nil when `delta` alone maps it.
        var glyphArray: Int?
    }

    /// Reads `data`; `name` is what the PDF calls the font.
    public init(data: [UInt8], name: String) throws(PrintingError) {
        self.data = data
        self.name = name
        var tables: [String: (offset: Int, length: Int)] = [:]
        let count = try Self.u16(data, 4)
        for index in 0..<count {
            let record = 12 + index * 16
            guard record + 16 <= data.count else { throw PrintingError.badFont(name, "its table list is cut short") }
            let tag = String(decoding: data[record..<record + 4], as: UTF8.self)
            tables[tag] = (try Self.u32(data, record + 8), try Self.u32(data, record + 12))
        }
        func table(_ tag: String) throws(PrintingError) -> Int {
            guard let found = tables[tag], found.offset + found.length <= data.count else {
                throw PrintingError.badFont(name, "it has no \(tag) table")
            }
            return found.offset
        }
        let head = try table("head"), hhea = try table("hhea"), hmtx = try table("hmtx"), cmap = try table("cmap")
        unitsPerEm = max(1, try Self.u16(data, head + 18))
        boundingBox = try [36, 38, 40, 42].map { offset throws(PrintingError) in try Self.i16(data, head + offset) }
        ascent = try Self.i16(data, hhea + 4)
        descent = try Self.i16(data, hhea + 6)
        if let os2 = tables["OS/2"], try Self.u16(data, os2.offset) >= 2 {
            capHeight = try Self.i16(data, os2.offset + 88)
        } else {
            capHeight = ascent * 7 / 10
        }
        let metrics = try Self.u16(data, hhea + 34)
        advances = try (0..<metrics).map { index throws(PrintingError) in UInt16(try Self.u16(data, hmtx + index * 4)) }
        segments = try Self.unicodeSegments(data, cmap: cmap, name: name)
    }

    /// The glyph for `scalar`; 0 (the font's "missing" box) when it has none.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        guard let segment = segments.first(where: { $0.end >= value }), segment.start <= value else { return 0 }
        guard let array = segment.glyphArray else { return UInt16(truncatingIfNeeded: Int(value) + segment.delta) }
        let at = array + 2 * Int(value - segment.start)
        guard let raw = try? Self.u16(data, at), raw != 0 else { return 0 }
        return UInt16(truncatingIfNeeded: raw + segment.delta)
    }

    /// How far `glyph` moves the pen, in thousandths of the font size (PDF text space).
    public func advance(_ glyph: UInt16) -> Int {
        guard let last = advances.last else { return 0 }
        let units = Int(glyph) < advances.count ? advances[Int(glyph)] : last
        return Int(units) * 1000 / unitsPerEm
    }

    /// The width of `text` set at `size` points.
    public func width(_ text: String, size: Double) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + advance(glyph(for: $1)) }) * size / 1000
    }

    /// In PDF text space (thousandths of the size), as a font descriptor gives them.
    func scaled(_ units: Int) -> Int { units * 1000 / unitsPerEm }

    /// The Unicode BMP map (platform 3 encoding 1, or platform 0), format 4.
    private static func unicodeSegments(_ data: [UInt8], cmap: Int, name: String) throws(PrintingError) -> [Segment] {
        let count = try u16(data, cmap + 2)
        var subtable: Int?
        for index in 0..<count {
            let record = cmap + 4 + index * 8
            let (platform, encoding) = (try u16(data, record), try u16(data, record + 2))
            let offset = cmap + (try u32(data, record + 4))
            guard (platform == 3 && encoding == 1) || platform == 0, try u16(data, offset) == 4 else { continue }
            subtable = offset
            break
        }
        guard let table = subtable else { throw PrintingError.badFont(name, "it has no Unicode character map") }
        let segmentCount = try u16(data, table + 6) / 2
        let ends = table + 14, starts = ends + segmentCount * 2 + 2
        let deltas = starts + segmentCount * 2, rangeOffsets = deltas + segmentCount * 2
        return try (0..<segmentCount).map { index throws(PrintingError) in
            let rangeOffset = try u16(data, rangeOffsets + index * 2)
            return Segment(start: UInt32(try u16(data, starts + index * 2)), end: UInt32(try u16(data, ends + index * 2)),
                           delta: try i16(data, deltas + index * 2),
                           glyphArray: rangeOffset == 0 ? nil : rangeOffsets + index * 2 + rangeOffset)
        }
    }

    static func u16(_ data: [UInt8], _ at: Int) throws(PrintingError) -> Int {
        guard at >= 0, at + 2 <= data.count else { throw PrintingError.badFont("", "it is cut short") }
        return Int(data[at]) << 8 | Int(data[at + 1])
    }

    static func i16(_ data: [UInt8], _ at: Int) throws(PrintingError) -> Int {
        Int(Int16(bitPattern: UInt16(try u16(data, at))))
    }

    static func u32(_ data: [UInt8], _ at: Int) throws(PrintingError) -> Int {
        (try u16(data, at)) << 16 | (try u16(data, at + 2))
    }
}
