import Dispatch
import KioskCore
@testable import KioskStore
import Posix
import Testing

@Suite("Opening, closing and re-opening")
struct LifecycleTests {
    @Test("every entity survives closing and re-opening")
    func persistence() throws {
        let fixture = try Fixture()
        let created = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        let slips = try fixture.store.makeSlipCodes(sessionID: fixture.session.id, count: 2, policy: CodePolicy(),
                                                    at: Fixture.during)
        let badges = try fixture.store.badges()
        let summary = try fixture.store.session(id: fixture.session.id)
        let claims = try fixture.store.claims(sessionID: fixture.session.id)
        let outbox = try fixture.store.outboxSummary()

        try fixture.reopen()
        #expect(try fixture.store.badges() == badges)
        #expect(try fixture.store.session(id: fixture.session.id) == summary)
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)) == [fixture.code.withClaimed(1)] + slips)
        #expect(try fixture.store.claims(sessionID: fixture.session.id) == claims)
        #expect(try fixture.store.outboxSummary() == outbox)
        guard case let .created(claim) = created else { Issue.record("claim not created"); return }
        #expect(claims == [claim])
        let again = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        #expect(again == .repeated(claim, state: .queued))
    }

    @Test("close lets queued writes commit, then refuses new ones")
    func closeDrainsThenRefuses() throws {
        let fixture = try Fixture(expected: 200)
        let group = DispatchGroup()
        let outcomes = Locked([Result<ClaimOutcome, StoreError>]())
        for learner in 0..<100 {
            group.enter()
            fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner)) { result in
                outcomes.withLock { $0.append(result) }
                group.leave()
            }
        }
        fixture.store.close()
        group.wait()
        #expect(outcomes.withLock { $0.allSatisfy { if case .success(.created) = $0 { true } else { false } } })
        #expect(try fixture.count("claims") == 100)

        #expect(throws: StoreError.closed) { try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 500)) }
        #expect(throws: StoreError.closed) { try fixture.store.writeAndWait { _ in 1 } }
        #expect(throws: StoreError.closed) { try fixture.store.badges() }
        fixture.store.close()
        #expect(try fixture.count("claims") == 100)
    }

    @Test("a write completion may not wait for another write")
    func noWaitingInsideCompletion() throws {
        let fixture = try Fixture()
        let store = fixture.store
        let answer = Locked<StoreError?>(nil)
        let done = DispatchSemaphore(value: 0)
        store.write({ _ in 1 }, completion: { _ in
            do throws(StoreError) {
                _ = try store.writeAndWait { _ in 2 }
            } catch {
                answer.withLock { $0 = error }
            }
            done.signal()
        })
        done.wait()
        guard case .invalid = answer.withLock({ $0 }) else { Issue.record("a nested wait was not refused"); return }
    }

    @Test("many readers at once share the bounded pool")
    func concurrentReaders() throws {
        let fixture = try Fixture()
        let failures = Locked(0)
        let store = fixture.store
        let sessionID = fixture.session.id
        DispatchQueue.concurrentPerform(iterations: 32) { _ in
            for _ in 0..<20 {
                let ok = (try? store.session(id: sessionID))??.session.title == "Intro to Work"
                if !ok { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
    }
}

extension ClaimCode {
    func withClaimed(_ count: Int) -> ClaimCode {
        var copy = self
        copy.claimed = count
        return copy
    }
}
