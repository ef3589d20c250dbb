import KioskCore
@testable import KioskStore
import Testing

@Suite("Claims")
struct ClaimTests {
    @Test("a new claim is stored with one queued award per badge and counts against its code")
    func createsClaimAndAwards() throws {
        let fixture = try Fixture()
        let outcome = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, id: "c-1"))
        guard case let .created(claim) = outcome else { Issue.record("expected a new claim, got \(outcome)"); return }
        #expect(claim.id == "c-1")
        #expect(claim.sessionID == fixture.session.id)
        #expect(claim.email == "learner1@example.org")
        #expect(claim.badgeIDs == Fixture.badges.map(\.id))
        #expect(try fixture.store.claims(sessionID: fixture.session.id) == [claim])
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 1)
        #expect(try fixture.store.session(id: fixture.session.id)?.claimed == 1)
        #expect(try fixture.store.outboxSummary().counts[.queued] == 2)
    }

    @Test("the same code and email again answers the first claim, even once the code is full or expired")
    func repeatsAnswerTheFirstClaim() throws {
        let fixture = try Fixture(expected: 0)  // a limit of one claim
        let first = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, id: "first"))
        guard case let .created(claim) = first else { Issue.record("expected a new claim, got \(first)"); return }

        let retry = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, id: "second"))
        #expect(retry == .repeated(claim, state: .queued))
        let other = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 2))
        #expect(other == .usedUp)
        let late = Fixture.submission(code: fixture.code, learner: 1, id: "third", at: fixture.code.expiresAt.adding(seconds: 1))
        #expect(try fixture.store.submitClaim(late) == .repeated(claim, state: .queued))

        #expect(try fixture.store.claims(sessionID: fixture.session.id).map(\.id) == ["first"])
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 1)
        #expect(try fixture.count("awards") == 2)
    }

    @Test("an expired code takes no new claims")
    func expiredCode() throws {
        let fixture = try Fixture(policy: CodePolicy(lifetimeSeconds: 60))
        let late = Fixture.submission(code: fixture.code, learner: 1, at: fixture.code.expiresAt)
        #expect(try fixture.store.submitClaim(late) == .expired)
        let inTime = Fixture.submission(code: fixture.code, learner: 1, at: fixture.code.expiresAt.adding(seconds: -1))
        guard case .created = try fixture.store.submitClaim(inTime) else { Issue.record("refused in time"); return }
        #expect(try fixture.count("claims") == 1)
    }

    @Test("a code id that does not exist is reported, not stored")
    func unknownCode() throws {
        let fixture = try Fixture()
        var submission = Fixture.submission(code: fixture.code, learner: 1)
        submission.codeID = 9999
        #expect(try fixture.store.submitClaim(submission) == .unknownCode)
        #expect(try fixture.count("claims") == 0)
    }

    @Test("the claim limit holds exactly when 50 learners race for 5 places")
    func limitUnderConcurrency() throws {
        let fixture = try Fixture(expected: 4)
        #expect(fixture.code.maxClaims == 5)
        let submissions = (0..<50).map { Fixture.submission(code: fixture.code, learner: $0) }
        let outcomes = fixture.submitConcurrently(submissions, threads: 10)
        let created = outcomes.filter { if case .success(.created) = $0 { true } else { false } }
        let usedUp = outcomes.filter { $0 == .success(.usedUp) }
        #expect(created.count == 5)
        #expect(usedUp.count == 45)
        #expect(try fixture.count("claims") == 5)
        #expect(try fixture.count("awards") == 10)
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 5)
    }

    @Test("a slip code admits exactly one learner")
    func slipCodes() throws {
        let fixture = try Fixture()
        let slips = try fixture.store.makeSlipCodes(sessionID: fixture.session.id, count: 3, policy: CodePolicy(),
                                                    at: Fixture.during)
        #expect(slips.count == 3)
        #expect(slips.allSatisfy { $0.maxClaims == 1 && $0.sessionID == fixture.session.id })
        #expect(slips.allSatisfy { $0.short.count == ShortCode.slipLength })
        #expect(fixture.code.short.count == ShortCode.sessionLength)
        #expect(Set(slips.map(\.token)).count == 3 && Set(slips.map(\.short)).count == 3)
        guard case .created = try fixture.store.submitClaim(Fixture.submission(code: slips[0], learner: 1)) else {
            Issue.record("a fresh slip was refused"); return
        }
        #expect(try fixture.store.submitClaim(Fixture.submission(code: slips[0], learner: 2)) == .usedUp)
        // Slips never replace the session's QR code.
        #expect(try fixture.store.session(id: fixture.session.id)?.code == fixture.code)
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).count == 4)
        #expect(throws: StoreError.self) {
            try fixture.store.makeSlipCodes(sessionID: fixture.session.id, count: 0, policy: CodePolicy(), at: Fixture.during)
        }
    }

    @Test("a repeat answers with the name just submitted, never the stored one")
    func repeatsRevealNothingStored() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, id: "first"))
        let stranger = ClaimSubmission(codeID: fixture.code.id,
                                       claimant: try Claimant(name: "Mallory", email: "learner1@example.org", consent: true),
                                       newClaimID: "second", at: Fixture.during)
        guard case let .repeated(claim, _) = try fixture.store.submitClaim(stranger) else {
            Issue.record("expected a repeat"); return
        }
        #expect(claim.id == "first")
        #expect(claim.name == "Mallory")
        #expect(try fixture.store.claims(sessionID: fixture.session.id).map(\.name) == ["Learner 1"])
    }

    @Test("a sender with no share left is answered repeats only")
    func noShareLeft() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, id: "first"))
        var repeatOnly = Fixture.submission(code: fixture.code, learner: 1, id: "again")
        repeatOnly.mayCreate = false
        guard case .repeated = try fixture.store.submitClaim(repeatOnly) else { Issue.record("expected a repeat"); return }
        var newOne = Fixture.submission(code: fixture.code, learner: 2)
        newOne.mayCreate = false
        #expect(try fixture.store.submitClaim(newOne) == .tooManyFromAddress)
        #expect(try fixture.count("claims") == 1)
    }

    @Test("staff can change a session code's limit, never below what is claimed")
    func claimLimit() throws {
        let fixture = try Fixture(expected: 0)  // a limit of one claim
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        #expect(try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 2)) == .usedUp)
        guard case let .changed(code) = try fixture.store.setClaimLimit(sessionID: fixture.session.id, maxClaims: 3) else {
            Issue.record("the limit was not changed"); return
        }
        #expect(code.id == fixture.code.id && code.maxClaims == 3 && code.claimed == 1)
        #expect(try fixture.store.code(id: fixture.code.id)?.maxClaims == 3)
        guard case .created = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 2)) else {
            Issue.record("a raised limit still refused"); return
        }
        #expect(try fixture.store.setClaimLimit(sessionID: fixture.session.id, maxClaims: 1) == .belowClaimed(2))
        let running = try fixture.store.createSession(title: "Later", badgeIDs: ["obf-day1"], expected: 3, at: Fixture.during)
        #expect(try fixture.store.setClaimLimit(sessionID: running.id, maxClaims: 9) == .noCode)
        #expect(throws: StoreError.notFound("session 999")) { try fixture.store.setClaimLimit(sessionID: 999, maxClaims: 9) }
    }
}
