import Foundation
import Testing

/// The real demo in a real pty: a learner with no email claims and sees the later code; a
/// volunteer adds the email from the waiting list; only then does the stand-in issuer get the award.
@Suite("No email yet, in a real terminal", .serialized)
struct NoEmailInPTYTests {
    @Test func aWaitingClaimReachesTheIssuerOnlyOnceAVolunteerAddsTheEmail() throws {
        let directory = try FrontProcessTests.folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let demo = try FrontInPTY.demo(in: directory)
        let down = "\u{1B}[B"
        let claim: [(String, String)] = FrontProcessTests.startAndEndDay4 + [
            ("Scan to collect your badge", "\r"), ("Were you at this session?", "\r"), ("What is your first name?", "Amira\r"),
            ("I do not have an email address", down + "\r"), ("Email: none yet", "\r"),
            ("This is your code", ""),
        ]
        guard try demo.walk(claim) else { return }
        // The outbox wakes on every commit: a moment for it to (wrongly) send the waiting award.
        let logPath = "\(directory)/demo/demo.log"
        let sent = "issuer-sim: POST /v1/badge/demo/intro-to-work-day-4 201"
        usleep(1_500_000)
        #expect(!((try? String(contentsOfFile: logPath, encoding: .utf8))?.contains(sent) ?? false), "sent with no email")
        let volunteer: [(String, String)] = [
            ("This is your code", "\r"), ("Press Enter to start", "\u{1B}OQ"), ("Type the volunteer PIN", "1234\r"),
            ("6. Add an email to a waiting claim", "6"), ("Amira  -  Intro to Work - Day 4", "\r"),
            ("Type the email address for Amira", "Amira@Example.com\r"),
            ("The badge for Amira is on its way to amira@example.com", ""),
        ]
        guard try demo.walk(volunteer) else { return }
        let deadline = Date().addingTimeInterval(30)
        while !((try? String(contentsOfFile: logPath, encoding: .utf8))?.contains(sent) ?? false), Date() < deadline {
            usleep(50_000)
        }
        #expect(try String(contentsOfFile: logPath, encoding: .utf8).contains(sent))
        #expect(try demo.waitFor("No claims are waiting for an email."))
        try demo.type("\u{1B}")
        guard try demo.walk([("9. Quit the demo", "9"), ("Leave the demo?", "\u{1B}[A\r")]) else { return }
        #expect(demo.pty.wait() == 0)
    }
}
