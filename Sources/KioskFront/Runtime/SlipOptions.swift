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

    /// Saves `codes` as an A4 PDF sheet of slips with `title` and words in `language`; the batch says
    /// where it went, or why it could not be made (the codes work either way).
    func sheet(for codes: [CodeInfo], session: Int64, title: String, language: Language) -> SlipBatch {
        var batch = SlipBatch(codes: codes)
        guard let first = codes.first else { return batch }
        let catalog = Catalogs.shared[language]
        let until = codes.compactMap(\.expiresAt).min().map { Self.date($0, language) }
        var joinWiFi: [String] = []
        if let wifi {
            joinWiFi.append(catalog.text("front.qr.joinWiFi", ["name": wifi.name]))
            if let password = wifi.password, !password.isEmpty {
                joinWiFi.append(catalog.text("front.qr.wifiPassword", ["password": password]))
            }
        }
        var lines = [catalog.text("front.slip.scan"), catalog.text("front.slip.noPhone")]
        if let until { lines.append(catalog.text("front.slip.once", ["date": until])) }
        let words = SlipSheet.Words(title: title, joinWiFi: joinWiFi, lines: lines, codeLabel: catalog.text("front.slip.code"))
        let sheet = SlipSheet(slips: codes.map { SlipSheet.Slip(short: $0.short, url: $0.url) }, words: words, wifi: wifi)
        let path = "\(directory)/slips-\(session)-\(first.short).pdf"
        do {
            let fonts = try TrueTypeFont.dejaVu(in: fontFolder)
            let bytes = try sheet.pdf(regular: fonts.regular, bold: fonts.bold)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            batch.savedTo = path
        } catch {
            batch.saveError = "\(error)"
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
