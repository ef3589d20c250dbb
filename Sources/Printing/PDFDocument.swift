/// A PDF file made here: pages drawn with `PDFPage`, each TrueType font embedded whole, so any
/// script it has prints as it is. Text uses simple one-byte fonts (ASCII as itself, other letters given
/// codes of their own, 159 to an encoding, more encodings as needed) with glyph names and a ToUnicode
/// map: print filters that turn the file into PostScript and back (CUPS, cups-pdf) keep the words
/// searchable, where CID-keyed fonts come back as unreadable Type 3 outlines. Uncompressed: no
/// compression library is needed, and a print job's size is no matter.
public struct PDFDocument: Sendable {
    public let fonts: [TrueTypeFont]
    public var pages: [PDFPage] = []

    public init(fonts: [TrueTypeFont]) {
        self.fonts = fonts
    }

    /// The font at `index` in `fonts`, for drawing.
    public func font(_ index: Int) -> PDFPage.FontID { PDFPage.FontID(index: index) }

    /// The file's bytes.
    public func bytes() -> [UInt8] {
        var writer = ObjectWriter()
        var encodings = fonts.map { _ in FontEncoding() }
        for page in pages {
            for case .text(let text, _, _, _, let font) in page.marks { encodings[font].add(text.unicodeScalars) }
        }
        var resources: [String] = []
        for (index, font) in fonts.enumerated() {
            let descriptor = embed(font, into: &writer)
            for (slot, scalars) in encodings[index].slots.enumerated() {
                let id = simpleFont(font, descriptor: descriptor, scalars: scalars, into: &writer)
                resources.append("/\(Self.resourceName(font: index, slot: slot)) \(id) 0 R")
            }
        }
        var pageIDs: [Int] = []
        for page in pages {
            let contentID = writer.stream(Array(content(page, encodings).utf8))
            pageIDs.append(writer.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(PDFPage.number(page.width)) "
                + "\(PDFPage.number(page.height))] /Resources << /Font << \(resources.joined(separator: " ")) >> >> "
                + "/Contents \(contentID) 0 R >>"))
        }
        writer.set(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.set(2, "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageIDs.count) >>")
        return writer.file()
    }

    static func resourceName(font: Int, slot: Int) -> String { "F\(font + 1)s\(slot)" }

    /// The page's content stream: text in runs, one per encoding it needs.
    private func content(_ page: PDFPage, _ encodings: [FontEncoding]) -> String {
        var out = ""
        for mark in page.marks {
            switch mark {
            case .text(let text, let x, let y, let size, let font):
                out += "BT \(PDFPage.number(x)) \(PDFPage.number(y)) Td"
                var run: (slot: Int, hex: String)?
                func flush() {
                    guard let done = run else { return }
                    out += " /\(Self.resourceName(font: font, slot: done.slot)) \(PDFPage.number(size)) Tf <\(done.hex)> Tj"
                }
                for scalar in text.unicodeScalars {
                    var (slot, code) = encodings[font].code(for: scalar)
                    // ASCII has the same code in every encoding: it carries on in the run it is in.
                    if (32...126).contains(scalar.value), let current = run?.slot { slot = current }
                    if run?.slot != slot {
                        flush()
                        run = (slot, "")
                    }
                    run?.hex += PDFPage.hex(UInt32(code), digits: 2)
                }
                flush()
                out += " ET\n"
            case .fill(let x, let y, let width, let height):
                out += "\(PDFPage.number(x)) \(PDFPage.number(y)) \(PDFPage.number(width)) \(PDFPage.number(height)) re f\n"
            case .cut(let start, let end):
                out += "q 0.6 G 0.5 w [4 3] 0 d \(PDFPage.number(start.x)) \(PDFPage.number(start.y)) m "
                    + "\(PDFPage.number(end.x)) \(PDFPage.number(end.y)) l S Q\n"
            }
        }
        return out
    }

    /// The font file and its descriptor, shared by all its encodings; answers the descriptor's number.
    private func embed(_ font: TrueTypeFont, into writer: inout ObjectWriter) -> Int {
        let file = writer.stream(font.data, extra: "/Length1 \(font.data.count)")
        let box = font.boundingBox.map { String(font.scaled($0)) }.joined(separator: " ")
        return writer.add("<< /Type /FontDescriptor /FontName /\(font.name) /Flags 32 /FontBBox [\(box)] "
            + "/ItalicAngle 0 /Ascent \(font.scaled(font.ascent)) /Descent \(font.scaled(font.descent)) "
            + "/CapHeight \(font.scaled(font.capHeight)) /StemV 80 /FontFile2 \(file) 0 R >>")
    }

    /// One encoding of `font`: ASCII at its own codes, `scalars` at the codes `FontEncoding` gave them.
    private func simpleFont(_ font: TrueTypeFont, descriptor: Int, scalars: [Unicode.Scalar], into writer: inout ObjectWriter) -> Int {
        var byCode: [Int: Unicode.Scalar] = [:]
        for code in 32...126 { byCode[code] = Unicode.Scalar(UInt8(code)) }
        for (index, scalar) in scalars.enumerated() { byCode[FontEncoding.codes[index]] = scalar }
        let widths = (1...255).map { code in byCode[code].map { String(font.advance(font.glyph(for: $0))) } ?? "0" }
        let differences = scalars.enumerated().map { "\(FontEncoding.codes[$0.offset]) /\(Self.glyphName($0.element))" }
        let pairs = byCode.sorted { $0.key < $1.key }.map { code, scalar in
            "<\(PDFPage.hex(UInt32(code), digits: 2))> <\(String(scalar).utf16.map { PDFPage.hex(UInt32($0), digits: 4) }.joined())>"
        }
        let toUnicode = writer.stream(Array(Self.toUnicode(pairs).utf8))
        return writer.add("<< /Type /Font /Subtype /TrueType /BaseFont /\(font.name) /FirstChar 1 /LastChar 255 "
            + "/Widths [\(widths.joined(separator: " "))] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding "
            + "/Differences [\(differences.joined(separator: " "))] >> /FontDescriptor \(descriptor) 0 R "
            + "/ToUnicode \(toUnicode) 0 R >>")
    }

    /// The Adobe Glyph List's name for any character: `uniXXXX` (or `uXXXXX` beyond the BMP).
    static func glyphName(_ scalar: Unicode.Scalar) -> String {
        scalar.value <= 0xFFFF ? "uni" + PDFPage.hex(scalar.value, digits: 4) : "u" + PDFPage.hex(scalar.value, digits: 5)
    }

    /// A CMap saying which character each code draws, 100 to a block as the format asks.
    static func toUnicode(_ pairs: [String]) -> String {
        var map = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <00> <FF>
        endcodespacerange

        """
        var start = 0
        while start < pairs.count {
            let block = pairs[start..<min(pairs.count, start + 100)]
            map += "\(block.count) beginbfchar\n" + block.joined(separator: "\n") + "\nendbfchar\n"
            start += 100
        }
        return map + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    }
}

/// Which one-byte code each character of one font gets: printable ASCII is itself, in every
/// encoding; every other character takes the next free code of the current encoding.
struct FontEncoding: Sendable {
    /// The codes other characters use: 128–255, then the control codes 1–31, never 0 or ASCII.
    static let codes = Array(128...255) + Array(1...31)
    private(set) var slots: [[Unicode.Scalar]] = [[]]
    private var placed: [Unicode.Scalar: (slot: Int, code: Int)] = [:]

    mutating func add(_ scalars: String.UnicodeScalarView) {
        for scalar in scalars where !(32...126).contains(scalar.value) && placed[scalar] == nil {
            if slots[slots.count - 1].count == Self.codes.count { slots.append([]) }
            let slot = slots.count - 1
            placed[scalar] = (slot, Self.codes[slots[slot].count])
            slots[slot].append(scalar)
        }
    }

    /// The encoding and code that draw `scalar` (ASCII: slot 0, though any slot draws it).
    func code(for scalar: Unicode.Scalar) -> (slot: Int, code: Int) {
        if (32...126).contains(scalar.value) { return (0, Int(scalar.value)) }
        return placed[scalar] ?? (0, 32)
    }
}

/// Numbered objects and the cross-reference table that finds them.
private struct ObjectWriter {
    private var bodies: [Int: [UInt8]] = [:]
    private var next = 3

    mutating func add(_ dictionary: String) -> Int {
        defer { next += 1 }
        bodies[next] = Array(dictionary.utf8)
        return next
    }

    mutating func set(_ id: Int, _ dictionary: String) {
        bodies[id] = Array(dictionary.utf8)
    }

    mutating func stream(_ data: [UInt8], extra: String = "") -> Int {
        defer { next += 1 }
        bodies[next] = Array("<< /Length \(data.count) \(extra) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
        return next
    }

    func file() -> [UInt8] {
        // The second line's high bytes tell programs the file is binary.
        var out = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for id in 1..<next {
            offsets.append(out.count)
            out += Array("\(id) 0 obj\n".utf8) + (bodies[id] ?? Array("null".utf8)) + Array("\nendobj\n".utf8)
        }
        let table = out.count
        var xref = "xref\n0 \(next)\n0000000000 65535 f \n"
        for offset in offsets { xref += Self.padded(offset) + " 00000 n \n" }
        xref += "trailer\n<< /Size \(next) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
        return out + Array(xref.utf8)
    }

    private static func padded(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}
