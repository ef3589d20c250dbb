import Foundation
import KioskCore
import Printing
import Testing

/// Slip sheets made here, read back by other programs: poppler's pdftotext for the words and zbar's
/// zbarimg, on poppler's rendering of each page, for the QR codes.
@Suite("Printed slips")
struct SlipSheetTests {
    static let tools = ["pdftotext", "pdftoppm", "zbarimg"]
    static let available = tools.allSatisfy { tool in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static let slips = (1...9).map { index in
        SlipSheet.Slip(short: "K7M-2QX-4P\(index)B", url: "http://192.168.1.20:8080/c/slipToken\(index)xY2vR7pL1sN3w")
    }

    static func words(_ lines: [String]) -> SlipSheet.Words {
        SlipSheet.Words(title: "Intro to Work - Day 2: Job search", joinWiFi: ["Join the Wi-Fi Cross Keys Guest first",
                        "The Wi-Fi password is tea;and:toast"], lines: lines, codeLabel: "Code:")
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: available, "needs poppler-utils and zbar-tools"))
    func nineSlipsMakeTwoSheetsWhoseWordsAndCodesReadBack() throws {
        let fonts = try TrueTypeFont.dejaVu()
        let sheet = SlipSheet(slips: Self.slips, words: Self.words([
            "Scan the code with your phone's camera.", "No phone? At the kiosk, press Enter and type the code.",
            "It works once, until 9 December.",
        ]), wifi: VenueWiFi(name: "Cross Keys Guest", password: "tea;and:toast"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slips-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/slips.pdf"
        try Data(try sheet.pdf(regular: fonts.regular, bold: fonts.bold)).write(to: URL(fileURLWithPath: path))

        let text = try Self.run("pdftotext", ["-layout", path, "-"])
        for slip in Self.slips { #expect(text.contains(slip.short), "\(slip.short) is not in the text") }
        #expect(text.components(separatedBy: "Join the Wi-Fi").count == 10)
        #expect(text.components(separatedBy: "No phone? At the kiosk").count == 10)
        #expect(text.components(separatedBy: "\u{0C}").count == 3, "two pages")

        _ = try Self.run("pdftoppm", ["-r", "150", "-png", path, "\(folder)/page"])
        var decoded: [String] = []
        for page in ["page-1.png", "page-2.png"] {
            decoded += try Self.run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "\(folder)/\(page)"])
                .split(separator: "\n").map(String.init)
        }
        #expect(Set(decoded.filter { $0.hasPrefix("http") }) == Set(Self.slips.map(\.url)))
        #expect(decoded.filter { $0 == #"WIFI:T:WPA;S:Cross Keys Guest;P:tea\;and\:toast;;"# }.count == 9)
    }

    @Test(.enabled(if: available, "needs poppler-utils"))
    func ukrainianAndPolishWordsPrintAsThemselves() throws {
        let fonts = try TrueTypeFont.dejaVu()
        let words = SlipSheet.Words(title: "Кулінарія: день 1", joinWiFi: [], lines: [
            "Відскануйте код камерою телефону.", "Nie masz telefonu? Zażółć gęślą jaźń.", "Код діє один раз.",
        ], codeLabel: "Код:")
        let sheet = SlipSheet(slips: Array(Self.slips.prefix(1)), words: words, wifi: nil)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slips-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(try sheet.pdf(regular: fonts.regular, bold: fonts.bold)).write(to: URL(fileURLWithPath: path))
        let text = try Self.run("pdftotext", [path, "-"])
        for expected in ["Кулінарія: день 1", "Відскануйте код", "Zażółć", "gęślą jaźń.", "Код:", "K7M-2QX-4P1B"] {
            #expect(text.contains(expected), "\(expected) is not in \(text)")
        }
    }

    @Test func theCrossReferenceTableFindsEveryObject() throws {
        let fonts = try TrueTypeFont.dejaVu()
        let bytes = try SlipSheet(slips: Array(Self.slips.prefix(3)), words: Self.words(["One.", "Two.", "Three."]), wifi: nil)
            .pdf(regular: fonts.regular, bold: fonts.bold)
        let tail = String(decoding: bytes.suffix(40), as: UTF8.self)
        let startLine = try #require(tail.components(separatedBy: "startxref\n").last?.split(separator: "\n").first)
        let start = try #require(Int(startLine))
        let table = String(decoding: bytes[start..<min(bytes.count, start + 4000)], as: UTF8.self).split(separator: "\n")
        #expect(table.first == "xref")
        let sizeField = try #require(table[1].split(separator: " ").last)
        let count = try #require(Int(sizeField))
        for id in 1..<count {
            let offset = try #require(Int(table[2 + id].prefix(10)))
            #expect(String(decoding: bytes[offset..<offset + 12], as: UTF8.self).hasPrefix("\(id) 0 obj"))
        }
    }

    @Test func glyphsAndWidthsComeFromTheFont() throws {
        let fonts = try TrueTypeFont.dejaVu()
        for scalar in "AzŻжЇ€".unicodeScalars { #expect(fonts.regular.glyph(for: scalar) != 0, "\(scalar)") }
        #expect(fonts.regular.glyph(for: "\u{E000}") == 0)
        #expect(fonts.regular.width("MM", size: 10) == 2 * fonts.regular.width("M", size: 10))
        #expect(fonts.bold.width("Bold", size: 10) > fonts.regular.width("Bold", size: 10))
        #expect(fonts.regular.width("iiii", size: 10) < fonts.regular.width("WWWW", size: 10))
    }

    @Test func aFileThatIsNotAFontSaysSo() {
        #expect(throws: PrintingError.self) { try TrueTypeFont(data: Array("not a font at all".utf8), name: "Broken") }
        #expect(throws: PrintingError.noFont("/nowhere/DejaVuSans.ttf")) { try TrueTypeFont.dejaVu(in: "/nowhere") }
    }
}
