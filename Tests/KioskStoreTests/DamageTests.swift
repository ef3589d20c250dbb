import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// A damaged database file is refused at open, untouched, with its first problem named.
@Suite("Damaged databases")
struct DamageTests {
    @Test("a file of zeros is refused as damaged")
    func zeroedFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.child(KioskStore.fileName)
        try Data(count: 64 * 1024).write(to: URL(fileURLWithPath: path))
        try Self.expectRefused(directory, containing: "not a database")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(count: 64 * 1024))
    }

    @Test("16 KB of garbage in the middle is refused as damaged, on one line")
    func garbageInTheMiddle() throws {
        let directory = TemporaryDirectory()
        let path = try Self.filledDatabase(in: directory)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        #expect(size >= 64 * 1024)
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<16_384).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(size / 2 / 4096 * 4096))
        try handle.write(contentsOf: garbage)
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try Self.expectRefused(directory, containing: "")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a file cut short is refused as damaged")
    func truncatedPartWay() throws {
        let directory = TemporaryDirectory()
        let path = try Self.filledDatabase(in: directory)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        #expect(truncate(path, off_t(size / 2 / 4096 * 4096)) == 0)
        try Self.expectRefused(directory, containing: "")
    }

    @Test("a healthy database opens, and the message of a damaged one is plain")
    func healthyOpens() throws {
        let directory = TemporaryDirectory()
        _ = try Self.filledDatabase(in: directory)
        let store = try KioskStore(directory: directory.path)
        #expect(try store.outboxSummary().counts[.queued] == 400)
        store.close()
        #expect(StoreError.damaged(path: "/x/badgekiosk.sqlite", problem: "Page 5: never used").description
            == "The database at /x/badgekiosk.sqlite is damaged (Page 5: never used).")
    }

    /// A closed store (its log folded into the file) with 200 claims of two awards each: many pages.
    static func filledDatabase(in directory: TemporaryDirectory) throws -> String {
        let store = try KioskStore(directory: directory.path)
        try store.upsertBadges(Fixture.badges, at: Fixture.start)
        let session = try store.createSession(title: "Damage", badgeIDs: Fixture.badges.map(\.id), expected: 500,
                                              at: Fixture.start)
        let code = try store.endSession(id: session.id, policy: CodePolicy(), at: Fixture.start)
        for learner in 0..<200 {
            _ = try store.submitClaim(Fixture.submission(code: code, learner: learner))
        }
        store.close()
        return store.path
    }

    static func expectRefused(_ directory: TemporaryDirectory, containing text: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        do {
            let store = try KioskStore(directory: directory.path)
            store.close()
            Issue.record("a damaged database was opened", sourceLocation: sourceLocation)
        } catch {
            guard case let .damaged(path, problem) = error else {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(path == directory.child(KioskStore.fileName), sourceLocation: sourceLocation)
            #expect(!problem.isEmpty && !problem.contains("\n"), sourceLocation: sourceLocation)
            #expect(text.isEmpty || problem.contains(text), "\(problem)", sourceLocation: sourceLocation)
        }
    }
}
