import Dispatch
import Foundation
import KioskCore
@testable import KioskStore
import Posix
import Testing

@Suite("Programmes: completion badges claimed with the claim that completes them")
struct ProgrammeStoreTests {
    static let start = Timestamp(milliseconds: 1_800_000_000_000)
    static let days = (1...4).map { "day-\($0)" }
    static let intro = try! ProgrammeDraft(name: "Intro to Work", badgeIDs: days, completionBadgeID: "complete")

    /// A store with Days 1–4 and the completion badge, one ended session (and code) per day.
    final class Course {
        let directory = TemporaryDirectory()
        let store: KioskStore
        var codes: [ClaimCode] = []

        init(programme: Bool = true) throws {
            store = try KioskStore(directory: directory.path)
            try store.upsertBadges((ProgrammeStoreTests.days + ["complete"]).map { Badge(id: $0, name: $0) }, at: start)
            for day in ProgrammeStoreTests.days {
                let session = try store.createSession(title: day, badgeIDs: [day], expected: 20, at: start)
                codes.append(try store.endSession(id: session.id, policy: CodePolicy(), at: start))
            }
            if programme { _ = try store.createProgramme(ProgrammeStoreTests.intro, at: start) }
        }

        /// The claim made on `day` (1…4) by `email`.
        func claim(day: Int, email: String, id: String = UUID().uuidString) throws -> ClaimOutcome {
            try store.submitClaim(ClaimSubmission(codeID: codes[day - 1].id,
                                                  claimant: try Claimant(name: "Amira", email: email, consent: true),
                                                  newClaimID: id, at: start.adding(seconds: 60)))
        }

        /// The badge ids of `email`'s awards, in the order they were queued.
        func awards(of email: String) throws -> [String] {
            try store.writeAndWait { connection in
                let statement = try connection.prepare("""
                    SELECT a.badge_id FROM awards a JOIN claims c ON c.id = a.claim_id WHERE c.email = ? ORDER BY a.id
                    """)
                try statement.bind(email, at: 1)
                var ids: [String] = []
                while try statement.step() { ids.append(statement.text(at: 0) ?? "") }
                return ids
            }
        }
    }

    @Test func programmesAreStoredAndListedInOrder() throws {
        let course = try Course(programme: false)
        let first = try course.store.createProgramme(Self.intro, at: Self.start)
        let second = try course.store.createProgramme(
            try ProgrammeDraft(name: "Half", badgeIDs: ["day-2", "day-1"], completionBadgeID: "day-3"), at: Self.start)
        #expect(first == Programme(id: first.id, name: "Intro to Work", badgeIDs: Self.days, completionBadgeID: "complete"))
        #expect(try course.store.programmes() == [first, second])
        #expect(second.badgeIDs == ["day-2", "day-1"])
    }

    @Test func anUnknownBadgeIsRefusedAndNothingIsKept() throws {
        let course = try Course(programme: false)
        let required = try ProgrammeDraft(name: "X", badgeIDs: ["day-1", "nope"], completionBadgeID: "complete")
        #expect(throws: StoreError.notFound("badge nope")) { try course.store.createProgramme(required) }
        let completion = try ProgrammeDraft(name: "X", badgeIDs: ["day-1", "day-2"], completionBadgeID: "missing")
        #expect(throws: StoreError.notFound("badge missing")) { try course.store.createProgramme(completion) }
        #expect(try course.store.programmes().isEmpty)
    }

    @Test func theFourthDayClaimsTheCompletionOnceOnly() throws {
        let course = try Course()
        for day in 1...3 {
            guard case let .created(claim) = try course.claim(day: day, email: "amira@example.com") else {
                Issue.record("day \(day) was not claimed"); return
            }
            #expect(claim.badgeIDs == ["day-\(day)"])
        }
        guard case let .created(fourth) = try course.claim(day: 4, email: "amira@example.com", id: "fourth") else {
            Issue.record("day 4 was not claimed"); return
        }
        #expect(fourth.badgeIDs == ["day-4", "complete"])
        #expect(try course.awards(of: "amira@example.com") == Self.days + ["complete"])

        // The same claim again answers it, and queues nothing; it names only the session's badge, since
        // the completion would tell whoever typed the email about the learner's other claims.
        let again = try course.claim(day: 4, email: "amira@example.com", id: "again")
        var answered = fourth
        answered.badgeIDs = ["day-4"]
        #expect(again == .repeated(answered, state: .queued))
        // A learner who comes back to a day with a new session's code is not given the completion again.
        let session = try course.store.createSession(title: "Day 1 again", badgeIDs: ["day-1"], expected: 5, at: Self.start)
        let code = try course.store.endSession(id: session.id, policy: CodePolicy(), at: Self.start)
        let revisit = try course.store.submitClaim(ClaimSubmission(
            codeID: code.id, claimant: try Claimant(name: "Amira", email: "amira@example.com", consent: true),
            newClaimID: "revisit", at: Self.start.adding(seconds: 60)))
        guard case let .created(revisited) = revisit else { Issue.record("the revisit was refused: \(revisit)"); return }
        #expect(revisited.badgeIDs == ["day-1"])
        #expect(try course.awards(of: "amira@example.com").filter { $0 == "complete" }.count == 1)
    }

    @Test func withoutAProgrammeNothingExtraIsQueued() throws {
        let course = try Course(programme: false)
        for day in 1...4 { _ = try course.claim(day: day, email: "amira@example.com") }
        #expect(try course.awards(of: "amira@example.com") == Self.days)
    }

    @Test func anotherLearnersBadgesDoNotCount() throws {
        let course = try Course()
        for day in 1...3 { _ = try course.claim(day: day, email: "amira@example.com") }
        guard case let .created(claim) = try course.claim(day: 4, email: "olena@example.com") else {
            Issue.record("day 4 was not claimed"); return
        }
        #expect(claim.badgeIDs == ["day-4"])
        #expect(try course.awards(of: "amira@example.com") == ["day-1", "day-2", "day-3"])
    }

    @Test func aRefusedAwardIsNotHeld() throws {
        let course = try Course()
        for day in 1...3 { _ = try course.claim(day: day, email: "amira@example.com") }
        try course.store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'failed', last_error = 'refused' WHERE badge_id = 'day-2'")
        }
        guard case let .created(claim) = try course.claim(day: 4, email: "amira@example.com") else {
            Issue.record("day 4 was not claimed"); return
        }
        #expect(claim.badgeIDs == ["day-4"])
    }

    @Test func daysWhoseEmailWasPurgedNoLongerCount() throws {
        let course = try Course()
        for day in 1...3 { _ = try course.claim(day: day, email: "amira@example.com") }
        try course.store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'sent'")
        }
        #expect(try course.store.purgePersonalData(olderThanDays: 30, at: Self.start.adding(seconds: 31 * 86_400)) == 3)
        guard case let .created(claim) = try course.claim(day: 4, email: "amira@example.com") else {
            Issue.record("day 4 was not claimed"); return
        }
        #expect(claim.badgeIDs == ["day-4"])
    }

    @Test func racingClaimsThatBothCompleteQueueOneCompletion() throws {
        let course = try Course()
        for day in 1...3 { _ = try course.claim(day: day, email: "amira@example.com") }
        let session = try course.store.createSession(title: "Day 4 again", badgeIDs: ["day-4"], expected: 5, at: Self.start)
        let other = try course.store.endSession(id: session.id, policy: CodePolicy(), at: Self.start)
        let outcomes = Locked<[ClaimOutcome]>([])
        let group = DispatchGroup()
        for (index, code) in [course.codes[3], other].enumerated() {
            group.enter()
            course.store.submitClaim(ClaimSubmission(
                codeID: code.id, claimant: try Claimant(name: "Amira", email: "amira@example.com", consent: true),
                newClaimID: "race-\(index)", at: Self.start.adding(seconds: 60))) { result in
                if case let .success(outcome) = result { outcomes.withLock { $0.append(outcome) } }
                group.leave()
            }
        }
        group.wait()
        let badges = outcomes.withLock { $0 }.compactMap { outcome -> [String]? in
            if case let .created(claim) = outcome { return claim.badgeIDs }
            return nil
        }
        #expect(badges.count == 2)
        #expect(badges.flatMap { $0 }.filter { $0 == "complete" }.count == 1)
        #expect(try course.awards(of: "amira@example.com").filter { $0 == "complete" }.count == 1)
    }

    @Test func theHeldBadgesAreFoundThroughTheEmailIndex() throws {
        let course = try Course()
        let plan = try course.store.writeAndWait { connection in
            let statement = try connection.prepare("EXPLAIN QUERY PLAN " + Connection.heldBadgesSQL)
            var details: [String] = []
            while try statement.step() { details.append(statement.text(at: 3) ?? "") }
            return details.joined(separator: "; ")
        }
        #expect(plan.contains("claims_by_email"), "query plan: \(plan)")
        #expect(plan.contains("awards_by_claim"), "query plan: \(plan)")
    }
}
