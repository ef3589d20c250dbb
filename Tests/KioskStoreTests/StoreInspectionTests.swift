import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// What an admin is shown before a restore, and the figures of `badgekiosk status`.
@Suite("Inspecting backups and counting activity")
struct StoreInspectionTests {
    @Test func inspectShowsWhatABackupHoldsAndChangesNothing() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let file = fixture.directory.child("copy.sqlite")
        let made = try StoreBackup.backup(stateDirectory: fixture.directory.path, to: file)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let seen = try StoreBackup.inspect(file)
        #expect(seen == made)
        #expect(seen.sessions == 1 && seen.claims == 1 && seen.awards == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(throws: StoreError.notFound("backup file \(file).missing")) { try StoreBackup.inspect(file + ".missing") }
    }

    @Test func inspectRefusesWhatARestoreWouldRefuse() throws {
        let fixture = try Fixture()
        let text = fixture.directory.child("notes.txt")
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try StoreBackup.inspect(text) }
    }

    @Test func theReplacedDatabaseIsNamedByTheRestoreTime() {
        let path = StoreBackup.replacedDatabasePath(in: "/var/lib/badgekiosk", at: Timestamp(milliseconds: 1_800_000_123_456))
        #expect(path == "/var/lib/badgekiosk/\(KioskStore.fileName).before-restore-1800000123")
    }

    @Test func activityCountsSinceAMomentAndInAll() throws {
        let fixture = try Fixture(expected: 10)
        for learner in 1...3 {
            _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner))
        }
        let all = try fixture.store.activity(since: Fixture.start)
        #expect(all == StoreActivity(sessionsSince: 1, claimsSince: 3, sessions: 1, claims: 3))
        let later = try fixture.store.activity(since: Fixture.during.adding(seconds: 1))
        #expect(later == StoreActivity(sessionsSince: 0, claimsSince: 0, sessions: 1, claims: 3))
    }
}
