import Foundation
import Testing

/// The real demo in a real pty: a volunteer starts and ends a session, then reads it on the Reports page.
@Suite("Reports, in a real terminal", .serialized)
struct ReportsInPTYTests {
    @Test func aVolunteerSeesThisMonthsSessionAndSwitchesTheView() throws {
        let directory = try FrontProcessTests.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let demo = try FrontInPTY.demo(in: directory)
        let shiftTab = "\u{1B}[Z"
        let steps: [(String, String)] = FrontProcessTests.startAndEndDay4 + [
            ("Scan to collect your badge", "\u{1B}"), ("Press Enter to start", "\u{1B}OQ"), ("Type the volunteer PIN", "1234\r"),
            // In the demo Reports is the tenth entry, after Quit: Shift+Tab goes round to it.
            ("10. Reports", shiftTab + "\r"), ("[ Sessions this month ]", ""), ("Intro to Work - Day 4", ""),
        ]
        guard try demo.walk(steps) else { return }
        let row = demo.replica.text.split(separator: "\n").first { $0.contains("Intro to Work - Day 4") }.map(String.init) ?? ""
        // Expected 3, claimed 0, sent 0, and acceptance not known: nothing has gone to the issuer.
        #expect(row.split(separator: " ").suffix(5) == ["3", "0", "0", "not", "known"], "\(row)")
        #expect(demo.replica.text.contains("Not known: the issuer has not told us yet"))
        guard try demo.walk([("Left / Right: Change view", "\u{1B}[C"), ("[ Programmes ]", "\u{1B}[C"), ("[ Months ]", "\u{1B}"),
                             ("9. Quit the demo", "9"), ("Leave the demo?", "\u{1B}[A\r")]) else { return }
        #expect(demo.pty.wait() == 0)
    }
}
