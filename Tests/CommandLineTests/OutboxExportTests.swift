@testable import badgekiosk
import Foundation
import Issuers
import KioskCore
import KioskStore
import Testing

@Suite("badgekiosk outbox export")
struct OutboxExportTests {
    @Test("writes each badge's file readable by its owner alone, and says what it wrote and what it could not")
    func writesFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let time = Timestamp(milliseconds: 1_796_637_600_000)
        let awards = [ParkedAward(id: 7, claimID: "c7", badgeID: "OBF1", badgeName: "Day 1", name: "Amira",
                                  email: "amira@example.org", claimedAt: time, since: time, reason: "HTTP 400"),
                      ParkedAward(id: 8, claimID: "c8", badgeID: "OBF1", badgeName: "Day 1", name: nil,
                                  email: nil, claimedAt: time, since: time, reason: "HTTP 400")]
        let lines = try OutboxCommand.write(OBFBulkCSV(awards), to: folder)
        let path = "\(folder)/obf-failed-OBF1.csv"
        #expect(lines == ["\(path): 1 award of \"Day 1\" (OBF1); once uploaded, mark it sent: badgekiosk outbox arrived 7.",
                          "1 refused award has no email left (erased by the retention purge) and cannot be exported."])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("Email,First_name,Last_name,Issued_on,Criteria_add\r\namira@example.org,Amira,,"))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try OutboxCommand.write(OBFBulkCSV([]), to: folder) == ["No award is parked as refused: nothing to export."])
    }
}
