import KioskCore
import QRCode

/// An A4 sheet of eight single-use slips, two across and four down, cut along the dashed lines:
/// each with the session's title, its QR code, the venue Wi-Fi's join code first when there is one,
/// the short code to type at the kiosk, and plain lines in the volunteer's chosen language.
public struct SlipSheet: Sendable {
    /// One slip: a single-use code and where it leads.
    public struct Slip: Sendable, Equatable {
        public var short: String
        public var url: String

        public init(short: String, url: String) {
            self.short = short
            self.url = url
        }
    }

    /// The words every slip on the sheet carries, already in the chosen language.
    public struct Words: Sendable, Equatable {
        /// The session's title, at the top.
        public var title: String
        /// "Join the Wi-Fi <name> first", and the password line, when the venue Wi-Fi is set.
        public var joinWiFi: [String]
        /// The plain lines beside the code: how to scan, what to do with no phone, until when.
        public var lines: [String]
        /// Before the short code: "Code:".
        public var codeLabel: String

        public init(title: String, joinWiFi: [String], lines: [String], codeLabel: String) {
            self.title = title
            self.joinWiFi = joinWiFi
            self.lines = lines
            self.codeLabel = codeLabel
        }
    }

    public static let perSheet = 8
    static let margin = 16.0

    public let slips: [Slip]
    public let words: Words
    public let wifi: VenueWiFi?

    public init(slips: [Slip], words: Words, wifi: VenueWiFi?) {
        self.slips = slips
        self.words = words
        self.wifi = wifi
    }

    /// The sheets as a PDF, `regular` and `bold` embedded (a font with every letter of the words).
    public func pdf(regular: TrueTypeFont, bold: TrueTypeFont) throws(QRCodeError) -> [UInt8] {
        var document = PDFDocument(fonts: [regular, bold])
        let wifiCode = try wifi.map { wifi throws(QRCodeError) in try QRCode(text: wifi.qrText) }
        var start = 0
        repeat {
            var page = PDFPage.a4()
            let cell = (width: page.width / 2, height: page.height / 4)
            for (offset, slip) in slips[start..<min(slips.count, start + Self.perSheet)].enumerated() {
                let origin = (x: Double(offset % 2) * cell.width, y: page.height - Double(offset / 2 + 1) * cell.height)
                var drawer = SlipDrawer(page: page, document: document, x: origin.x, y: origin.y,
                                        width: cell.width, height: cell.height)
                try drawer.draw(slip, words: words, wifi: wifiCode)
                page = drawer.page
            }
            page.cutLine(from: (cell.width, 0), to: (cell.width, page.height))
            for row in 1..<4 {
                page.cutLine(from: (0, Double(row) * cell.height), to: (page.width, Double(row) * cell.height))
            }
            document.pages.append(page)
            start += Self.perSheet
        } while start < slips.count
        return document.bytes()
    }
}

/// Lays out one slip inside its cell of the sheet.
private struct SlipDrawer {
    var page: PDFPage
    let document: PDFDocument
    let x: Double, y: Double, width: Double, height: Double

    mutating func draw(_ slip: SlipSheet.Slip, words: SlipSheet.Words, wifi: QRCode?) throws(QRCodeError) {
        let margin = SlipSheet.margin
        let left = x + margin, right = x + width - margin
        var top = y + height - margin
        let bold = document.font(1), regular = document.font(0)
        line(fitted(words.title, font: bold, size: 12, width: right - left), x: left, baseline: top - 11, size: 12, font: bold)
        top -= 24
        let bottom = y + margin
        // Sides of the codes' dark modules: their quiet zones are the slip's margins and the gaps
        // between, each at least four modules wide.
        let gap = 11.0
        let claimSide = wifi == nil ? min(100, top - bottom) : 84.0
        let column = left + claimSide + 12
        if let wifi {
            let side = top - bottom - claimSide - gap
            qr(wifi, x: left + (claimSide - side) / 2, top: top, side: side)
            paragraphs(words.joinWiFi.enumerated().map { ($0.offset == 0 ? "1  " + $0.element : $0.element, $0.offset == 0) },
                       x: column, top: top, width: right - column, height: side)
            top -= side + gap
        }
        qr(try QRCode(text: slip.url), x: left, top: top, side: claimSide)
        let codeSize = 16.0
        let lines = words.lines.enumerated().map { ((wifi != nil && $0.offset == 0 ? "2  " : "") + $0.element, false) }
        paragraphs(lines, x: column, top: top, width: right - column, height: claimSide - codeSize - 8)
        let label = words.codeLabel + " "
        let labelWidth = document.fonts[0].width(label, size: 10)
        line(label, x: column, baseline: bottom + 2, size: 10, font: regular)
        let fit = fittedSize(slip.short, font: bold, size: codeSize, width: right - column - labelWidth)
        line(slip.short, x: column + labelWidth, baseline: bottom + 2, size: fit, font: bold)
    }

    /// A QR code's dark modules `side` points square, top-left corner at (`x`, `top`); the light
    /// quiet zone around it is the caller's to leave.
    private mutating func qr(_ code: QRCode, x: Double, top: Double, side: Double) {
        let module = side / Double(code.size)
        for row in 0..<code.size {
            var column = 0
            while column < code.size {
                guard code.isDark(x: column, y: row) else {
                    column += 1
                    continue
                }
                let start = column
                while column < code.size, code.isDark(x: column, y: row) { column += 1 }
                page.fill(x: x + Double(start) * module, y: top - Double(row + 1) * module,
                          width: Double(column - start) * module, height: module)
            }
        }
    }

    /// `items` (text, bold) wrapped to `width`, one under another from `top`, at the largest size
    /// from 10.5 down to 7 points that fits `height`.
    private mutating func paragraphs(_ items: [(String, Bool)], x: Double, top: Double, width: Double, height: Double) {
        var size = 10.5
        var laid: [([String], Bool)] = []
        while true {
            laid = items.map { (wrap($0.0, font: $0.1 ? 1 : 0, size: size, width: width), $0.1) }
            let lines = laid.reduce(0) { $0 + $1.0.count }
            let total = Double(lines) * size * 1.25 + Double(max(0, laid.count - 1)) * size * 0.5
            if total <= height || size <= 7 { break }
            size -= 0.5
        }
        var baseline = top - size
        for (lines, isBold) in laid {
            for text in lines {
                line(text, x: x, baseline: baseline, size: size, font: document.font(isBold ? 1 : 0))
                baseline -= size * 1.25
            }
            baseline -= size * 0.5
        }
    }

    private mutating func line(_ text: String, x: Double, baseline: Double, size: Double, font: PDFPage.FontID) {
        page.text(text, x: x, y: baseline, size: size, font: font)
    }

    /// Words greedily filled into lines no wider than `width`; a word wider than a line is split.
    private func wrap(_ text: String, font: Int, size: Double, width: Double) -> [String] {
        let face = document.fonts[font]
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if face.width(candidate, size: size) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                if !current.isEmpty, face.width(current + String(character), size: size) > width {
                    lines.append(current)
                    current = ""
                }
                current.append(character)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut with an ellipsis to fit `width` at `size`.
    private func fitted(_ text: String, font: PDFPage.FontID, size: Double, width: Double) -> String {
        let face = document.fonts[font.index]
        guard face.width(text, size: size) > width else { return text }
        var cut = text
        while !cut.isEmpty, face.width(cut + "…", size: size) > width { cut.removeLast() }
        return cut + "…"
    }

    /// The largest size up to `size` at which `text` fits `width`.
    private func fittedSize(_ text: String, font: PDFPage.FontID, size: Double, width: Double) -> Double {
        let natural = document.fonts[font.index].width(text, size: size)
        return natural <= width ? size : max(6, size * width / natural)
    }
}
