import Dispatch
import Foundation
import KioskCore
@testable import KioskStore
import Posix
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error {}

    @Test("2,000 concurrent claims all complete, distinct, durable, in far fewer commits")
    func burstOfClaims() throws {
        let fixture = try Fixture(expected: 2000)
        let before = fixture.store.writerStats
        let submissions = (0..<2000).map { Fixture.submission(code: fixture.code, learner: $0, id: "burst-\($0)") }
        let outcomes = fixture.submitConcurrently(submissions, threads: 8)

        var ids = Set<String>()
        for outcome in outcomes {
            guard case let .success(.created(claim)) = outcome else { Issue.record("unexpected \(outcome)"); return }
            ids.insert(claim.id)
        }
        #expect(ids.count == 2000)
        // Counted through a connection of its own: what completed is committed, not just written.
        #expect(try fixture.count("claims") == 2000)
        #expect(try fixture.count("awards") == 4000)
        let stats = fixture.store.writerStats
        #expect(stats.jobs - before.jobs == 2000)
        #expect(stats.commits - before.commits < 1000)
        #expect(stats.largestBatch > 1)
    }

    @Test("a job that throws is undone alone; the rest of its batch commits")
    func savepointIsolation() throws {
        let directory = TemporaryDirectory()
        let store = try KioskStore(directory: directory.path)
        defer { store.close() }
        try store.writeAndWait { try $0.execute("CREATE TABLE scratch (n INTEGER NOT NULL)") }
        let before = store.writerStats

        let holding = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let results = Locked([Int: Result<Int, StoreError>]())
        // The first job holds the writer until the others are queued, so they all share the next batch.
        group.enter()
        store.write({ _ in
            holding.signal()
            gate.wait()
        }, completion: { _ in group.leave() })
        holding.wait()
        for n in 1...30 {
            group.enter()
            store.write({ connection in
                let insert = try connection.cached("INSERT INTO scratch (n) VALUES (?)")
                try insert.bind(n, at: 1)
                try insert.run()
                if n % 3 == 0 { throw Refused() }
                return n
            }, completion: { result in
                results.withLock { $0[n] = result }
                group.leave()
            })
        }
        gate.signal()
        group.wait()

        let stored = try store.writeAndWait { connection in
            let select = try connection.prepare("SELECT n FROM scratch ORDER BY n")
            var values: [Int] = []
            while try select.step() { values.append(select.int(at: 0)) }
            return values
        }
        let kept = (1...30).filter { $0 % 3 != 0 }
        #expect(stored == kept)
        results.withLock { results in
            for n in 1...30 {
                if n % 3 == 0 {
                    #expect(throws: StoreError.self) { try results[n]!.get() }
                } else {
                    #expect(results[n] == .success(n))
                }
            }
        }
        let stats = store.writerStats
        #expect(stats.commits - before.commits <= 3)
        #expect(stats.largestBatch == 30)
    }

    @Test("a job's own error reaches its completion as a store error")
    func jobErrorsAreReported() throws {
        let directory = TemporaryDirectory()
        let store = try KioskStore(directory: directory.path)
        defer { store.close() }
        #expect(throws: StoreError.notFound("session 42")) {
            try store.endSession(id: 42, policy: CodePolicy(), at: Fixture.start)
        }
        do {
            try store.writeAndWait { _ in throw Refused() }
            Issue.record("the job's error was lost")
        } catch {
            guard case .jobFailed = error else { Issue.record("unexpected \(error)"); return }
        }
        #expect(throws: StoreError.self) { try store.writeAndWait { try $0.execute("INSERT INTO nowhere VALUES (1)") } }
    }

    @Test("a lone write commits at once, without waiting for company")
    func loneWriteIsImmediate() throws {
        let fixture = try Fixture()
        let before = fixture.store.writerStats
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        #expect(fixture.store.writerStats.commits == before.commits + 1)
    }
}
