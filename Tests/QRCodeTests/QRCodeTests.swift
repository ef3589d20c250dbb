import CQREncode
import Testing
@testable import QRCode

@Suite("QR codes")
struct QRCodeTests {
    static let url = "http://192.168.1.20:8080/c/Zt4kQ0mB9xY2vR7pL1sN3w"

    /// libqrencode's own matrix, read straight from the C struct, for comparison.
    static func referenceMatrix(_ text: String) -> [[Bool]] {
        let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)!
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        return (0..<width).map { y in (0..<width).map { x in code.pointee.data[y * width + x] & 1 == 1 } }
    }

    /// Reads modules back from terminal art, quiet zone stripped.
    static func decode(_ art: QRTerminalArt) -> [[Bool]] {
        let padded = art.style == .halfBlock ? art.width : art.width / 2
        let quiet = QRCode.quietZone
        return (quiet..<padded - quiet).map { y in
            (quiet..<padded - quiet).map { x in
                switch art.style {
                case .halfBlock:
                    let cell = art[x, y / 2]
                    return y % 2 == 0 ? (cell == .dark || cell == .upperDark) : (cell == .dark || cell == .lowerDark)
                case .blocks:
                    #expect(art[2 * x, y] == art[2 * x + 1, y])
                    return art[2 * x, y] == .dark
                }
            }
        }
    }

    @Test func matchesLibqrencodeAtLevelM() throws {
        let code = try QRCode(text: Self.url)
        let reference = Self.referenceMatrix(Self.url)
        #expect(code.size == reference.count)
        #expect((0..<code.size).allSatisfy { y in (0..<code.size).allSatisfy { code.isDark(x: $0, y: y) == reference[y][$0] } })
        // 53 bytes need version 4 at level M (version 3 holds 42); at level L version 3 would do.
        #expect(code.version == 4)
    }

    @Test(arguments: QRRenderStyle.allCases)
    func terminalArtDecodesBackToTheSameMatrix(style: QRRenderStyle) throws {
        let code = try QRCode(text: Self.url)
        let art = QRTerminalArt(code, style: style)
        #expect(Self.decode(art) == Self.referenceMatrix(Self.url))
    }

    @Test(arguments: QRRenderStyle.allCases)
    func quietZoneIsFourLightModulesOnEverySide(style: QRRenderStyle) throws {
        let art = QRTerminalArt(try QRCode(text: "K7M2QX"), style: style)
        let edge = style == .halfBlock ? 2 : 4
        let columns = style == .halfBlock ? 4 : 8
        for y in 0..<art.height where y < edge || y >= art.height - edge {
            #expect((0..<art.width).allSatisfy { art[$0, y] == .light })
        }
        for y in 0..<art.height {
            #expect((0..<columns).allSatisfy { art[$0, y] == .light && art[art.width - 1 - $0, y] == .light })
        }
    }

    @Test func halfBlocksUseTwoModuleRowsPerLine() throws {
        let code = try QRCode(text: Self.url)
        let half = QRTerminalArt(code, style: .halfBlock)
        let blocks = QRTerminalArt(code, style: .blocks)
        #expect(half.width == code.paddedSize && half.height == (code.paddedSize + 1) / 2)
        #expect(blocks.width == 2 * code.paddedSize && blocks.height == code.paddedSize)
        #expect(QRTerminalArt.footprint(moduleCount: code.size, style: .halfBlock) == (half.width, half.height))
    }

    @Test func svgHasOneSquarePerDarkModuleRun() throws {
        let code = try QRCode(text: "K7M2QX")
        let svg = code.svg(moduleSize: 10)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let side = code.paddedSize * 10
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        // Count dark modules covered by the path's runs: `h<n>` gives each run's length.
        let runs = svg.split(separator: "h").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(runs.reduce(0, +) == code.modules.filter { $0 }.count)
    }

    @Test func refusesEmptyAndOverlongText() {
        #expect(throws: QRCodeError.empty) { try QRCode(text: "") }
        #expect(throws: QRCodeError.tooLong) { try QRCode(text: String(repeating: "x", count: 3000)) }
    }
}
