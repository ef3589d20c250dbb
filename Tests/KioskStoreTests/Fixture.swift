import Dispatch
import Foundation
import KioskCore
@testable import KioskStore
import Posix

/// A store in a fresh directory with two badges, one session and its ended claim code.
final class Fixture {
    static let start = Timestamp(milliseconds: 1_800_000_000_000)
    static let badges = [Badge(id: "obf-day1", name: "Day 1: Getting ready", description: "CV basics"),
                         Badge(id: "obf-day2", name: "Day 2: Job search", description: "Finding roles")]

    let directory = TemporaryDirectory()
    private(set) var store: KioskStore
    let session: Session
    let code: ClaimCode

    /// `expected` 4 with the default 20% headroom gives a claim limit of 5.
    init(expected: Int = 4, policy: CodePolicy = CodePolicy()) throws {
        store = try KioskStore(directory: directory.path)
        try store.upsertBadges(Self.badges, at: Self.start)
        session = try store.createSession(title: "Intro to Work", badgeIDs: Self.badges.map(\.id),
                                          expected: expected, at: Self.start)
        code = try store.endSession(id: session.id, policy: policy, at: Self.start.adding(seconds: 3600))
    }

    /// Closes the store and opens the same directory again.
    func reopen() throws {
        store.close()
        store = try KioskStore(directory: directory.path)
    }

    /// A time while the fixture's code is valid.
    static var during: Timestamp { start.adding(seconds: 7200) }

    static func claimant(_ number: Int) -> Claimant {
        try! Claimant(name: "Learner \(number)", email: "learner\(number)@example.org", consent: true)
    }

    static func submission(code: ClaimCode, learner: Int, id: String? = nil,
                           at time: Timestamp = during) -> ClaimSubmission {
        ClaimSubmission(codeID: code.id, claimant: claimant(learner),
                        newClaimID: id ?? "claim-\(learner)-\(UUID().uuidString)", at: time)
    }

    /// Submits every submission at once from `threads` threads and waits for all the outcomes, in order.
    func submitConcurrently(_ submissions: [ClaimSubmission], threads: Int) -> [Result<ClaimOutcome, StoreError>] {
        let outcomes = Locked([Result<ClaimOutcome, StoreError>?](repeating: nil, count: submissions.count))
        let group = DispatchGroup()
        let store = self.store
        // Threads of their own: concurrentPerform would run only as many at once as there are cores.
        for thread in 0..<threads {
            group.enter()
            Thread {
                for index in stride(from: thread, to: submissions.count, by: threads) {
                    group.enter()
                    store.submitClaim(submissions[index]) { result in
                        outcomes.withLock { $0[index] = result }
                        group.leave()
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        return outcomes.withLock { $0.map { $0! } }
    }

    /// Counts rows with a connection of its own, independent of the store's.
    func count(_ table: String) throws -> Int {
        let connection = try Connection.open(path: store.path, readOnly: true)
        defer { connection.close() }
        let statement = try connection.prepare("SELECT COUNT(*) FROM \(table)")
        _ = try statement.step()
        return statement.int(at: 0)
    }

    /// What SQLite plans for `sql`, a step a line (`SEARCH a USING INDEX …`), read with a connection of its own.
    func queryPlan(_ sql: String) throws -> [String] {
        let connection = try Connection.open(path: store.path, readOnly: true)
        defer { connection.close() }
        let explain = try connection.prepare("EXPLAIN QUERY PLAN " + sql)
        var details: [String] = []
        while try explain.step() { details.append(explain.text(at: 3) ?? "") }
        return details
    }

    /// A folder whose database an older kiosk left: schema up to `version`, then `rows` (SQL) written
    /// straight in, as that version's service would have; the store is not opened on it yet.
    static func olderStore(version: Int, rows: String) throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let connection = try Connection.open(path: "\(directory.path)/\(KioskStore.fileName)", readOnly: false)
        defer { connection.close() }
        try Migrations.migrate(connection, at: Timestamp(milliseconds: 1_000), upTo: version)
        try connection.execute(rows)
        return directory
    }
}
