import Foundation
@testable import Issuers
import KioskCore
import KioskStore
import Testing

@Suite("OBF bulk-issuing files")
struct OBFBulkCSVTests {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// 2026-12-07 10:00 UTC.
    private static let monday = Timestamp(milliseconds: 1_796_637_600_000)

    private static func award(_ id: Int64, badge: String, name: String?, email: String?) -> ParkedAward {
        ParkedAward(id: id, claimID: "c\(id)", badgeID: badge, badgeName: "Badge \(badge)", name: name, email: email,
                    claimedAt: monday, since: monday.adding(seconds: 60), reason: "HTTP 400")
    }

    @Test("one file per badge, a header and a line per award with the email, first name and claim day")
    func filesPerBadge() {
        let csv = OBFBulkCSV([Self.award(1, badge: "B1", name: "Amira", email: "Amira@Example.org"),
                              Self.award(2, badge: "B2", name: "Olek", email: "olek@example.pl"),
                              Self.award(3, badge: "B1", name: "Jo, Ann", email: "jo@example.org")], calendar: Self.utc)
        #expect(csv.files.map(\.badgeID) == ["B1", "B2"])
        #expect(csv.files.map(\.awardIDs) == [[1, 3], [2]])
        #expect(csv.files[0].fileName == "obf-failed-B1.csv")
        #expect(csv.files[0].text == "Email,First_name,Last_name,Issued_on,Criteria_add\r\n"
            + "amira@example.org,Amira,,2026-12-07,\r\n"
            + "jo@example.org,\"Jo, Ann\",,2026-12-07,\r\n")
        #expect(csv.skipped == 0)
    }

    @Test("awards whose email the purge erased are counted, not written")
    func erasedEmails() {
        let csv = OBFBulkCSV([Self.award(1, badge: "B1", name: nil, email: nil), Self.award(2, badge: "B1", name: "A", email: "")])
        #expect(csv.files.isEmpty && csv.skipped == 2)
    }

    @Test("a hostile name cannot run as a formula and a hostile badge id cannot leave the folder")
    func hostile() {
        let csv = OBFBulkCSV([Self.award(1, badge: "../../etc/passwd", name: "=cmd|' /C calc'!A0", email: "x@example.org")],
                             calendar: Self.utc)
        let file = csv.files[0]
        #expect(file.fileName == "obf-failed-etcpasswd.csv")
        #expect(file.text.contains("x@example.org,'=cmd|' /C calc'!A0,,2026-12-07,"))
    }
}
