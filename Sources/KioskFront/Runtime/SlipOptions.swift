import Foundation
import KioskCore
import Localization
import Printing

/// How the front makes slips and prints them: where sheets are saved, the Wi-Fi they name, the printer.
struct SlipOptions: Sendable {
    var directory: String
    var wifi: VenueWiFi?
    /// The CUPS queue; nil for the machine's default printer.
    var printer: String?
    var fontFolder = TrueTypeFont.dejaVuFolder
    /// Where `lp` is looked for.
    var searchPath = ProcessInfo.processInfo.environment["PATH"]

    /// Whether `lp` is there to print with.
    var canPrint: Bool { ExternalTool.find("lp", searchPath: searchPath) != nil }

    /// Prints one slip with a learner's later code: its QR code opens the page that takes the email.
    /// The sheet is removed once CUPS has its copy, since the code unlocks the learner's claim.
    func printLater(_ later: LaterInfo, language: Language) -> PrintOutcome {
        let catalog = Catalogs.shared[language]
        let words = SlipSheet.Words(title: catalog.text("front.laterSlip.title"), joinWiFi: joinWiFi(catalog),
                                    lines: [catalog.text("front.laterSlip.scan"),
                                            catalog.text("front.laterSlip.type", ["address": later.home]),
                                            catalog.text("front.laterSlip.volunteer")],
                                    codeLabel: catalog.text("front.slip.code"))
        let path = "\(directory)/later-\(later.code).pdf"
        switch save(SlipSheet(slips: [SlipSheet.Slip(short: later.code, url: later.url)], words: words, wifi: wifi), to: path) {
        case .failure(let error): return .refused("\(error)")
        case .success:
            defer { try? FileManager.default.removeItem(atPath: path) }
            return print(path)
        }
    }

    /// "Join the Wi-Fi <name> first" and its password, when the venue Wi-Fi is set.
    private func joinWiFi(_ catalog: Catalog) -> [String] {
        guard let wifi else { return [] }
        var lines = [catalog.text("front.qr.joinWiFi", ["name": wifi.name])]
        if let password = wifi.password, !password.isEmpty {
            lines.append(catalog.text("front.qr.wifiPassword", ["password": password]))
        }
        return lines
    }

    /// Writes `sheet` as a PDF at `path`.
    private func save(_ sheet: SlipSheet, to path: String) -> Result<Void, any Error> {
        Result {
            let fonts = try TrueTypeFont.dejaVu(in: fontFolder)
            let bytes = try sheet.pdf(regular: fonts.regular, bold: fonts.bold)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// Saves `codes` as an A4 PDF sheet of slips with `title` and words in `language`; the batch says
    /// where it went, or why it could not be made (the codes work either way).
    func sheet(for codes: [CodeInfo], session: Int64, title: String, language: Language) -> SlipBatch {
        var batch = SlipBatch(codes: codes)
        guard let first = codes.first else { return batch }
        let catalog = Catalogs.shared[language]
        let until = codes.compactMap(\.expiresAt).min().map { Self.date($0, language) }
        var lines = [catalog.text("front.slip.scan"), catalog.text("front.slip.noPhone")]
        if let until { lines.append(catalog.text("front.slip.once", ["date": until])) }
        let words = SlipSheet.Words(title: title, joinWiFi: joinWiFi(catalog), lines: lines, codeLabel: catalog.text("front.slip.code"))
        let sheet = SlipSheet(slips: codes.map { SlipSheet.Slip(short: $0.short, url: $0.url) }, words: words, wifi: wifi)
        let path = "\(directory)/slips-\(session)-\(first.short).pdf"
        switch save(sheet, to: path) {
        case .success: batch.savedTo = path
        case .failure(let error): batch.saveError = "\(error)"
        }
        return batch
    }

    /// Sends the sheet at `path` to CUPS with `lp`, as A4.
    func print(_ path: String) -> PrintOutcome {
        guard let lp = ExternalTool.find("lp", searchPath: searchPath) else { return .noPrinting }
        let arguments = (printer.map { ["-d", $0] } ?? []) + ["-t", "badgekiosk slips", "-o", "media=A4", "--", path]
        guard let outcome = try? lp.run(arguments) else { return .noPrinting }
        guard outcome.status == 0 else {
            let said = outcome.error.split(whereSeparator: \.isNewline).first.map(String.init) ?? "lp ended with \(outcome.status)"
            return .refused(said.hasPrefix("lp: ") ? String(said.dropFirst(4)) : said)
        }
        // "request id is Office-12 (1 file(s))"
        let words = outcome.output.split(separator: " ")
        let job = words.firstIndex(of: "is").flatMap { words.indices.contains($0 + 1) ? String(words[$0 + 1]) : nil }
        return .sent(job: job ?? outcome.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// "9 December at 14:30" in the language's own words and order.
    static func date(_ date: Date, _ language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: ["en": "en_GB", "uk": "uk_UA", "pl": "pl_PL", "ar": "ar"][language.rawValue] ?? "en_GB")
        formatter.setLocalizedDateFormatFromTemplate("dMMMMHHmm")
        return formatter.string(from: date)
    }
}
