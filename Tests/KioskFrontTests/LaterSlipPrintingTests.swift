import Foundation
import Testing
@testable import KioskFront

/// A learner's later code on paper: printed through CUPS's PDF printer, read back with pdftotext and
/// zbarimg. In the slips' own serialized suite, so the two never wait on the one PDF printer together.
extension SlipPrintingTests {
    @Test(.enabled(if: SlipPrintingTests.cupsReady, "needs cupsd with the badgekiosk-test-pdf queue, poppler-utils and zbar-tools"),
          .timeLimit(.minutes(3)))
    func theLaterCodePrintsWithItsLinkAndWordsAndLeavesNoFileBehind() throws {
        let directory = NSTemporaryDirectory() + "badgekiosk-later-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let later = LaterInfo(code: "K7M-2QX-4P", url: "http://192.168.1.20:8080/e/K7M2QX4P")
        let options = SlipOptions(directory: directory, wifi: Fixtures.wifi, printer: SlipPrintingTests.printer)
        #expect(options.canPrint)
        guard case .sent(let job) = options.printLater(later, language: .ukrainian) else {
            Issue.record("not printed")
            return
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).isEmpty, "the code's sheet was left behind")
        let number = String(job.split(separator: "-").last ?? "")
        let printed = try #require(SlipPrintingTests.printedFile(job: number), "no PDF from cups-pdf for job \(job)")
        defer { try? FileManager.default.removeItem(atPath: printed) }
        let text = SlipPrintingTests.run("pdftotext", ["-layout", printed, "-"]).output
        #expect(text.contains("K7M-2QX-4P"))
        #expect(text.contains("Ваш значок чекає на вас"))
        #expect(text.contains("http://192.168.1.20:8080"))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = SlipPrintingTests.run("pdftoppm", ["-r", "150", "-png", printed, "\(directory)/page"])
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix("page") })
        let decoded = SlipPrintingTests.run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "\(directory)/\(page)"])
            .output.split(separator: "\n").map(String.init)
        #expect(decoded.contains(later.url))
        #expect(decoded.contains(#"WIFI:T:WPA;S:Cross Keys Guest;P:tea\;and\:toast;;"#))
    }
}
