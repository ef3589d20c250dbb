import Foundation
import HTTPKit
import HTTPCore
import KioskCore
import KioskService
import KioskStore
import TestSupport
import Testing
@testable import KioskFront

/// Slips from the volunteer menu to paper: the real front in a pty makes a sheet, prints it with
/// `lp` to CUPS's PDF printer (Debian's printer-driver-cups-pdf, queue `badgekiosk-test-pdf`, which
/// `.ci/run` sets up), and the printed PDF is read back with pdftotext and zbarimg.
@Suite("Printing slips through CUPS", .serialized)
struct SlipPrintingTests {
    static let printer = "badgekiosk-test-pdf"

    static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String) {
        guard let found = ExternalTool.find(tool), let outcome = try? found.run(arguments) else { return (127, "") }
        return (outcome.status, outcome.output)
    }

    static let cupsReady = run("lpstat", ["-p", printer]).status == 0
        && ["pdftotext", "pdftoppm", "zbarimg"].allSatisfy { ExternalTool.find($0) != nil }

    /// The PDF cups-pdf made of job `number`, once finished: its `Out` folder is the submitting user's ~/PDF on Debian.
    static func printedFile(job number: String, seconds: Double = 60) -> String? {
        let folders = ["\(NSHomeDirectory())/PDF", "/root/PDF", "/var/spool/cups-pdf/ANONYMOUS"]
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            for folder in folders {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                // Ghostscript writes the file in place: it is done when it ends with %%EOF.
                if let name = names.first(where: { $0.hasSuffix("job_\(number).pdf") }),
                   let data = FileManager.default.contents(atPath: "\(folder)/\(name)"),
                   String(decoding: data.suffix(16), as: UTF8.self).contains("%%EOF") {
                    return "\(folder)/\(name)"
                }
            }
            usleep(200_000)
        }
        return nil
    }

    @Test(.enabled(if: cupsReady, "needs cupsd with the badgekiosk-test-pdf queue, poppler-utils and zbar-tools"),
          .timeLimit(.minutes(3)))
    func aVolunteerPrintsASheetOfSlipsThatReadsBack() throws {
        let directory = NSTemporaryDirectory() + "badgekiosk-slips-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = "\(directory)/state"
        do {
            let store = try KioskStore(directory: state)
            try store.upsertBadge(Badge(id: "cook-1", name: "Cooking day 1"))
            store.close()
        }
        let service = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state)
        defer { service.stop() }
        let token = try service.staffToken()
        let client = try HTTPClient(host: "127.0.0.1", port: service.port)
        let staff = HTTPHeaders([("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")])
        let started = try client.send(method: "POST", path: "/api/v1/sessions", headers: staff,
                                      body: Array(#"{"title":"Kulinaria - dzień 1","badges":["cook-1"],"expected":9}"#.utf8))
        try #require(started.status == 201)

        let front = try FrontInPTY(arguments: ["--service", "http://127.0.0.1:\(service.port)", "--state-dir", state],
                                   environment: ["BADGEKIOSK_CONFIG": "/dev/null", "BADGEKIOSK_PIN": "2468",
                                                 "BADGEKIOSK_PRINTER": Self.printer, "BADGEKIOSK_WIFI_NAME": "Cross Keys Guest",
                                                 "BADGEKIOSK_WIFI_PASSWORD": "tea;and:toast"])
        let steps: [(String, String)] = [
            ("Press Enter to start", "\u{1B}OQ"), ("Type the volunteer PIN", "2468\r"), ("1. Start a session", "3"),
            // The session's row, not just the question: until the front's first read of the sessions
            // comes back, the list is empty and Enter has nothing to choose (seen once under CI's load).
            ("Kulinaria - dzień 1  (0 of 9 claimed)", "\r"), ("How many slips?", "9\r"),
            ("Which language for the words on the 9 slips?", "\u{1B}[B\u{1B}[B\r"), ("Saved to print:", "p"),
        ]
        guard try front.walk(steps) else { return }
        // The volunteer reads English; the slips' words are Polish.
        #expect(try front.waitFor("Sent to the printer (", seconds: 30), "screen was:\n\(front.replica.text)")
        let screen = front.replica.text
        let job = try #require(screen.components(separatedBy: "Sent to the printer (").last?.prefix { $0 != ")" })
        let number = String(job.split(separator: "-").last ?? "")
        let saved = try #require(try FileManager.default.contentsOfDirectory(atPath: "\(state)/slips").first { $0.hasSuffix(".pdf") })
        let printed = try #require(Self.printedFile(job: number), "no PDF from cups-pdf for job \(job)")
        defer { try? FileManager.default.removeItem(atPath: printed) }

        // The service's own list of the session's codes: the nine slips are the ones single-use.
        let text = Self.run("pdftotext", ["-layout", printed, "-"]).output
        let codes = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            .filter { $0.count == 12 && $0.filter({ $0 == "-" }).count == 2 })
        #expect(codes.count == 9, "codes on screen: \(codes)")
        for code in codes { #expect(text.contains(code), "\(code) is not on the printed sheet") }
        #expect(text.contains("Kulinaria - dzień 1"))
        #expect(text.contains("Zeskanuj kod aparatem telefonu."))
        #expect(text.contains("Najpierw połącz się z"))
        #expect(saved.hasPrefix("slips-1-"))

        _ = Self.run("pdftoppm", ["-r", "150", "-png", printed, "\(directory)/page"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("page") }.sorted()
        #expect(pages.count == 2)
        var decoded: [String] = []
        for page in pages {
            decoded += Self.run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "\(directory)/\(page)"]).output
                .split(separator: "\n").map(String.init)
        }
        let links = decoded.filter { $0.hasPrefix("http://") }
        #expect(links.count == 9)
        #expect(Set(links).count == 9)
        #expect(decoded.filter { $0 == #"WIFI:T:WPA;S:Cross Keys Guest;P:tea\;and\:toast;;"# }.count == 9)
        // Each printed link opens the claim page for a slip code.
        for link in links.prefix(2) {
            let path = String(link.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
            #expect(try client.send(method: "GET", path: path, headers: HTTPHeaders([])).status == 200, "\(link)")
        }
    }

    @Test func withoutLpThereIsNoPrintingAndAnUnknownPrinterIsRefusedInCUPSWords() throws {
        let none = SlipOptions(directory: "/nonexistent", searchPath: "/nonexistent-bin")
        #expect(none.print("/tmp/slips.pdf") == .noPrinting)
        guard ExternalTool.find("lp") != nil else { return }
        let unknown = SlipOptions(directory: "/nonexistent", printer: "no-such-printer-here")
        guard case .refused(let reason) = unknown.print("/etc/hostname") else {
            Issue.record("lp took a job for a printer that does not exist")
            return
        }
        #expect(!reason.isEmpty)
        #expect(!reason.hasPrefix("lp: "))
    }

    @Test func aSheetThatCannotBeMadeSaysWhyAndKeepsTheCodes() {
        let options = SlipOptions(directory: NSTemporaryDirectory() + "slips-\(UUID().uuidString)", fontFolder: "/nonexistent-fonts")
        let batch = options.sheet(for: [Fixtures.code], session: 3, title: "Cooking", language: .english)
        #expect(batch.codes == [Fixtures.code])
        #expect(batch.savedTo == nil)
        #expect(batch.saveError?.contains("install fonts-dejavu-core") == true)
    }

    @Test func theExpiryIsWrittenInEachLanguagesOwnWords() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let date = try #require(calendar.date(from: DateComponents(year: 2026, month: 12, day: 9, hour: 14, minute: 30)))
        #expect(SlipOptions.date(date, .english).contains("9 December"))
        #expect(SlipOptions.date(date, .polish).contains("9 grudnia"))
        #expect(SlipOptions.date(date, .ukrainian).contains("9 грудня"))
        #expect(SlipOptions.date(date, .english).contains("14:30"))
    }
}
