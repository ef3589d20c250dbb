import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// A learner with no email yet claims with a first name: the awards wait, not forwarded, until an
/// email is added with the claim's later code; the purge lapses what waited too long.
@Suite("Claims waiting for an email")
struct WaitingClaimTests {
    static func waiting(_ fixture: Fixture, name: String = "Amira", id: String = UUID().uuidString,
                        later: String = "K7M2QX4P") throws -> ClaimSubmission {
        ClaimSubmission(codeID: fixture.code.id, claimant: try Claimant(name: name, consent: true), newClaimID: id,
                        at: Fixture.during, laterCode: later)
    }

    @Test func aClaimWithNoEmailIsKeptButNotForwarded() throws {
        let fixture = try Fixture()
        guard case let .created(claim) = try fixture.store.submitClaim(try Self.waiting(fixture, id: "w-1")) else {
            Issue.record("not created"); return
        }
        #expect(claim.laterCode == "K7M2QX4P")
        #expect(claim.isWaiting)
        #expect(claim.badgeIDs == Fixture.badges.map(\.id))
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 1)
        #expect(try fixture.store.session(id: fixture.session.id)?.waitingForEmail == 1)
        let counts = try fixture.store.outboxSummary().counts
        #expect(counts[.waiting] == 2)
        #expect(counts[.queued] == 0)
        #expect(try fixture.store.takeDueAwards(limit: 10, now: Fixture.during.adding(seconds: 86_400)).isEmpty)
        #expect(try fixture.store.nextDueTime() == nil)
        #expect(try fixture.store.waitingClaims().map(\.name) == ["Amira"])
        #expect(try fixture.store.waitingClaim(laterCode: "K7M2QX4P")?.sessionTitle == "Intro to Work")
        // Two learners with no email are two claims, not a repeat of one.
        guard case .created = try fixture.store.submitClaim(try Self.waiting(fixture, name: "Olena", later: "ABCDEFGH")) else {
            Issue.record("second not created"); return
        }
        #expect(try fixture.count("claims") == 2)
    }

    @Test func addingTheEmailQueuesTheAwardsOnceAndTheCodeThenGoes() throws {
        let fixture = try Fixture()
        _ = try fixture.store.submitClaim(try Self.waiting(fixture, id: "w-1"))
        let later = Fixture.during.adding(seconds: 3 * 86_400)
        let outcome = try fixture.store.addEmail("amira@example.org", laterCode: "K7M2QX4P", at: later)
        guard case let .added(claim) = outcome else { Issue.record("got \(outcome)"); return }
        #expect(claim.id == "w-1")
        #expect(claim.email == "amira@example.org")
        #expect(claim.name == "Amira")
        let due = try fixture.store.takeDueAwards(limit: 10, now: later)
        #expect(due.map(\.badgeID) == Fixture.badges.map(\.id))
        #expect(due.allSatisfy { $0.email == "amira@example.org" && $0.name == "Amira" })
        #expect(try fixture.store.addEmail("amira@example.org", laterCode: "K7M2QX4P", at: later) == .unknownCode)
        #expect(try fixture.store.waitingClaims().isEmpty)
        // The claim is now known by its email: claiming again with it is a repeat, not a second claim.
        let again = try fixture.store.submitClaim(ClaimSubmission(codeID: fixture.code.id,
            claimant: try Claimant(name: "Amira", email: "amira@example.org", consent: true), newClaimID: "x", at: later))
        guard case let .repeated(repeatClaim, _) = again else { Issue.record("got \(again)"); return }
        #expect(repeatClaim.id == "w-1")
    }

    @Test func anEmailThatAlreadyClaimedFoldsTheWaitingClaimIn() throws {
        let fixture = try Fixture()
        guard case let .created(first) = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1)) else {
            Issue.record("not created"); return
        }
        _ = try fixture.store.submitClaim(try Self.waiting(fixture, id: "w-1"))
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 2)
        let outcome = try fixture.store.addEmail("learner1@example.org", laterCode: "K7M2QX4P", at: Fixture.during)
        guard case let .alreadyClaimed(claim, state) = outcome else { Issue.record("got \(outcome)"); return }
        #expect(claim.id == first.id)
        #expect(state == .queued)
        #expect(try fixture.count("claims") == 1)
        #expect(try fixture.count("awards") == 2)
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 1)
    }

    @Test func theEmailFinishesAProgrammeWhenItIsAdded() throws {
        let course = try ProgrammeStoreTests.Course()
        for day in 1...3 { _ = try course.claim(day: day, email: "amira@example.com") }
        _ = try course.store.submitClaim(ClaimSubmission(codeID: course.codes[3].id,
                                                         claimant: try Claimant(name: "Amira", consent: true),
                                                         newClaimID: "day4", at: ProgrammeStoreTests.start, laterCode: "ABCDEFGH"))
        #expect(try course.awards(of: "amira@example.com") == ["day-1", "day-2", "day-3"])
        guard case let .added(claim) = try course.store.addEmail("amira@example.com", laterCode: "ABCDEFGH",
                                                                 at: ProgrammeStoreTests.start) else {
            Issue.record("not added"); return
        }
        #expect(claim.badgeIDs == ["day-4", "complete"])
        #expect(try course.awards(of: "amira@example.com") == ProgrammeStoreTests.days + ["complete"])
    }

    @Test func thePurgeLapsesAClaimThatWaitedTooLongAndErasesItsName() throws {
        let fixture = try Fixture(policy: CodePolicy(lifetimeSeconds: 60 * 86_400))
        _ = try fixture.store.submitClaim(try Self.waiting(fixture, id: "old", later: "ABCDEFGH"))
        let recent = ClaimSubmission(codeID: fixture.code.id, claimant: try Claimant(name: "Olena", consent: true),
                                     newClaimID: "new", at: Fixture.during.adding(seconds: 20 * 86_400), laterCode: "K7M2QX4P")
        _ = try fixture.store.submitClaim(recent)
        let purgeTime = Fixture.during.adding(seconds: 31 * 86_400)
        #expect(try fixture.store.purgePersonalData(olderThanDays: 30, at: purgeTime) == 1)
        #expect(try fixture.store.waitingClaims().map(\.name) == ["Olena"])
        #expect(try fixture.store.addEmail("amira@example.org", laterCode: "ABCDEFGH", at: purgeTime) == .unknownCode)
        let counts = try fixture.store.outboxSummary().counts
        #expect(counts[.lapsed] == 2)
        #expect(counts[.waiting] == 2)
        #expect(try fixture.store.claims(sessionID: fixture.session.id).map(\.name) == ["", "Olena"])
        #expect(try fixture.store.retryAward(1, at: purgeTime) == .noEmail)
    }

    @Test func aDatabaseFromBeforeWaitingClaimsTakesThem() throws {
        let directory = TemporaryDirectory()
        let path = directory.child(KioskStore.fileName)
        let connection = try Connection.open(path: path, readOnly: false)
        try Migrations.migrate(connection, at: Timestamp(milliseconds: 1_000), upTo: 5)
        try connection.execute("""
            INSERT INTO badges (id, name, description, updated_at) VALUES ('b1', 'Day 1', '', 1);
            INSERT INTO sessions (id, title, expected, created_at, ended_at) VALUES (1, 'Intro', 4, 1, 2);
            INSERT INTO session_badges (session_id, badge_id, position) VALUES (1, 'b1', 0);
            INSERT INTO claim_codes (id, session_id, kind, token, short, created_at, expires_at, max_claims, claimed)
                VALUES (1, 1, 'session', 'tok', 'K7M2QX', 2, 9999999999999, 5, 1);
            INSERT INTO claims (id, code_id, session_id, name, email, created_at) VALUES ('c1', 1, 1, 'Amira', 'a@example.org', 3);
            INSERT INTO awards (claim_id, badge_id, state, created_at, updated_at) VALUES ('c1', 'b1', 'unsure', 3, 3);
            """)
        connection.close()
        let store = try KioskStore(directory: directory.path)
        defer { store.close() }
        #expect(try store.outboxSummary().counts[.unsure] == 1)
        let code = try #require(try store.openCodes(at: Timestamp(milliseconds: 0)).first)
        guard case .created = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: try Claimant(name: "Olena", consent: true),
                                                                    newClaimID: "w", at: Fixture.during, laterCode: "ABCDEFGH")) else {
            Issue.record("not created"); return
        }
        #expect(try store.outboxSummary().counts[.waiting] == 1)
    }
}
