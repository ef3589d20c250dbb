@preconcurrency import Glibc
import Foundation
import KioskCore
@testable import KioskStore
import Posix
import Testing

@Suite("Backup and restore")
struct StoreBackupTests {
    /// Claims keep arriving from another thread while three backups are taken; each backup, restored
    /// into a fresh folder, holds every claim acknowledged before it began.
    @Test func aBackupTakenWhileClaimsArriveHoldsEveryAcknowledgedClaim() throws {
        let fixture = try Fixture(expected: 1000)
        let store = fixture.store, code = fixture.code
        let acknowledged = Locked<[String]>([])
        let stop = Locked(false)
        let writer = Thread {
            var learner = 0
            while !stop.withLock({ $0 }), learner < 1100 {
                learner += 1
                let submission = Fixture.submission(code: code, learner: learner)
                if case .created = try? store.submitClaim(submission) {
                    acknowledged.withLock { $0.append(submission.newClaimID) }
                }
            }
        }
        writer.start()
        defer { stop.withLock { $0 = true } }
        for round in 1...3 {
            while acknowledged.withLock({ $0.count }) < round * 40 { usleep(1000) }
            let before = Set(acknowledged.withLock { $0 })
            let file = fixture.directory.child("backup-\(round).sqlite")
            let summary = try StoreBackup.backup(stateDirectory: fixture.directory.path, to: file)
            #expect(summary.claims >= before.count)
            #expect(summary.schemaVersion == Migrations.latestVersion)
            var info = stat()
            #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600, "a backup holds names and emails")

            let fresh = TemporaryDirectory()
            try StoreBackup.restore(from: file, stateDirectory: fresh.path)
            let restored = try KioskStore(directory: fresh.path)
            let ids = Set(try restored.claims(sessionID: fixture.session.id).map(\.id))
            restored.close()
            #expect(before.isSubset(of: ids), "missing \(before.subtracting(ids).count) acknowledged claim(s)")
        }
    }

    @Test func restorePutsTheCopyInPlaceAndKeepsTheDatabaseItReplaced() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let file = fixture.directory.child("one-claim.sqlite")
        try StoreBackup.backup(stateDirectory: fixture.directory.path, to: file)
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 2))
        fixture.store.close()

        let summary = try StoreBackup.restore(from: file, stateDirectory: fixture.directory.path,
                                              at: Timestamp(milliseconds: 1_800_000_123_000))
        #expect(summary.claims == 1)
        try fixture.reopen()
        #expect(try fixture.count("claims") == 1)
        let aside = fixture.directory.child("\(KioskStore.fileName).before-restore-1800000123")
        let old = try Connection.open(path: aside, readOnly: true)
        defer { old.close() }
        let count = try old.prepare("SELECT COUNT(*) FROM claims")
        _ = try count.step()
        #expect(count.int(at: 0) == 2, "the replaced database, with its second claim, is kept")
    }

    @Test func restoreIsRefusedWhileTheServiceHoldsTheFolder() throws {
        let fixture = try Fixture()
        let file = fixture.directory.child("copy.sqlite")
        try StoreBackup.backup(stateDirectory: fixture.directory.path, to: file)
        let service = try #require(try FolderLock.take(KioskStore.lockFileName, in: fixture.directory.path))
        #expect(throws: StoreError.invalid("the service is running on \(fixture.directory.path); "
                                           + "stop it first (sudo systemctl stop badgekiosk), then restore")) {
            try StoreBackup.restore(from: file, stateDirectory: fixture.directory.path)
        }
        withExtendedLifetime(service) {}
        #expect(try fixture.count("sessions") == 1)
    }

    @Test func aDamagedOrForeignCopyIsRefusedAndTheDatabaseIsUntouched() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let good = fixture.directory.child("good.sqlite")
        try StoreBackup.backup(stateDirectory: fixture.directory.path, to: good)
        fixture.store.close()

        // Every page header after the first overwritten, as a failing disk or a cut copy might leave it.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: good)))
        for page in stride(from: 4096, to: bytes.count, by: 4096) {
            bytes.replaceSubrange(page..<page + 16, with: repeatElement(0xA5, count: 16))
        }
        let damaged = fixture.directory.child("damaged.sqlite")
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let foreign = fixture.directory.child("foreign.sqlite")
        let other = try Connection.open(path: foreign, readOnly: false)
        try other.execute("CREATE TABLE notes (text TEXT)")
        other.close()
        let text = fixture.directory.child("notes.txt")
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)

        for file in [damaged, foreign, text, fixture.directory.child("missing.sqlite")] {
            #expect(throws: StoreError.self, "\(file)") { try StoreBackup.restore(from: file, stateDirectory: fixture.directory.path) }
        }
        try fixture.reopen()
        #expect(try fixture.count("claims") == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
            .filter { $0.contains("restoring") || $0.contains("before-restore") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aBackupOfAMissingDatabaseSaysSoAndWritesNothing() throws {
        let empty = TemporaryDirectory()
        let file = empty.child("copy.sqlite")
        #expect(throws: StoreError.notFound("database in \(empty.path) (\(KioskStore.fileName))")) {
            try StoreBackup.backup(stateDirectory: empty.path, to: file)
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
