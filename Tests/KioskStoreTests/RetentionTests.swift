import Foundation
import KioskCore
@testable import KioskStore
import Testing

/// Purge drills: time moves only through the timestamps the tests pass, never the machine's clock.
@Suite("Retention purge keeps exactly once")
struct RetentionTests {
    /// (code lifetime in hours, retention in days): the code still valid at the purge, and long expired.
    static let settings: [(Int64, Int)] = [(72, 1), (72, 30), (24 * 365, 1), (24 * 365, 30), (2, 0), (24 * 400, 3650)]

    @Test("a repeat after the purge is the same claim and queues nothing", arguments: settings)
    func repeatAfterPurge(lifetimeHours: Int64, retentionDays: Int) throws {
        let fixture = try Fixture(expected: 20, policy: CodePolicy(lifetimeSeconds: lifetimeHours * 3600))
        let claimedAt = Fixture.during
        let first = try fixture.store.submitClaim(ClaimSubmission(
            codeID: fixture.code.id, claimant: try Claimant(name: "Amira", email: "Amira@Example.org", consent: true),
            newClaimID: "first", at: claimedAt))
        guard case let .created(claim) = first else { Issue.record("expected a new claim, got \(first)"); return }
        let sentAt = claimedAt.adding(seconds: 60)
        try Self.sendAll(fixture.store, at: sentAt)

        let purgeAt = sentAt.adding(seconds: Int64(retentionDays) * 86_400 + 1)
        #expect(try fixture.store.purgePersonalData(olderThanDays: retentionDays, at: purgeAt) == 1)
        #expect(try fixture.store.claims(sessionID: fixture.session.id).map(\.email) == [""])

        for (email, at) in [("amira@example.org", purgeAt), ("AMIRA@example.ORG", purgeAt.adding(seconds: 3600))] {
            let again = try fixture.store.submitClaim(ClaimSubmission(
                codeID: fixture.code.id, claimant: try Claimant(name: "Amira B", email: email, consent: true),
                newClaimID: "second-\(UUID().uuidString)", at: at))
            guard case let .repeated(repeated, state) = again else { Issue.record("expected a repeat, got \(again)"); continue }
            #expect(repeated.id == claim.id)
            #expect(repeated.badgeIDs == claim.badgeIDs)
            #expect(state == .sent)
            // What was just typed comes back, never anything stored.
            #expect(repeated.name == "Amira B")
            #expect(repeated.email == email.lowercased())
        }
        #expect(try fixture.count("claims") == 1)
        #expect(try fixture.count("awards") == 2)
        #expect(try fixture.store.outboxSummary().counts == [.queued: 0, .sending: 0, .sent: 2, .failed: 0, .unsure: 0, .waiting: 0, .lapsed: 0])
        #expect(try fixture.store.openCodes(at: Timestamp(milliseconds: 0)).first?.claimed == 1)
        // Someone else is still a new claim while the code is valid.
        let other = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 9, at: purgeAt))
        if purgeAt < fixture.code.expiresAt {
            guard case .created = other else { Issue.record("a new learner was refused: \(other)"); return }
        } else {
            #expect(other == .expired)
        }
    }

    @Test("the same email with another code is another claim, before and after the purge")
    func otherCodeIsAnotherClaim() throws {
        let fixture = try Fixture(expected: 20)
        _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1))
        try Self.sendAll(fixture.store, at: Fixture.during)
        let purgeAt = Fixture.during.adding(seconds: 86_401)
        #expect(try fixture.store.purgePersonalData(olderThanDays: 1, at: purgeAt) == 1)
        let slip = try #require(try fixture.store.makeSlipCodes(sessionID: fixture.session.id, count: 1,
                                                                policy: CodePolicy(), at: purgeAt).first)
        guard case .created = try fixture.store.submitClaim(Fixture.submission(code: slip, learner: 1, at: purgeAt)) else {
            Issue.record("a claim with a new code was refused")
            return
        }
        #expect(try fixture.count("claims") == 2)
    }

    @Test("upgrading keys the claims whose email is kept, so their repeats are recognised after a purge")
    func upgradeKeysExistingClaims() throws {
        let fixture = try Fixture(expected: 20)
        guard case let .created(claim) = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1)) else {
            Issue.record("not created")
            return
        }
        // Without version 4 as an older badgekiosk left it: no key table, no hashes.
        try fixture.store.writeAndWait { connection in
            try connection.execute("""
                DROP INDEX claims_by_claimer; ALTER TABLE claims DROP COLUMN claimer_key; DROP TABLE kiosk_state;
                DELETE FROM schema_migrations WHERE version = 4;
                """)
        }
        try fixture.reopen()
        let secret = try fixture.store.writeAndWait { try Migrations.claimerSecret($0) }
        #expect(secret == fixture.store.claimerSecret)
        let stored = try fixture.store.writeAndWait { connection in
            let row = try connection.prepare("SELECT claimer_key FROM claims WHERE id = ?")
            try row.bind(claim.id, at: 1)
            _ = try row.step()
            return row.blob(at: 0)
        }
        #expect(stored == ClaimerKey.make(secret: secret, codeID: fixture.code.id, email: "learner1@example.org"))

        try Self.sendAll(fixture.store, at: Fixture.during)
        let purgeAt = Fixture.during.adding(seconds: 86_401)
        #expect(try fixture.store.purgePersonalData(olderThanDays: 1, at: purgeAt) == 1)
        let again = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: 1, at: purgeAt))
        guard case let .repeated(repeated, _) = again else { Issue.record("expected a repeat, got \(again)"); return }
        #expect(repeated.id == claim.id)
    }

    @Test("each kiosk draws its own key")
    func keysDifferPerKiosk() throws {
        #expect(try Fixture().store.claimerSecret != Fixture().store.claimerSecret)
    }

    /// Takes every queued award and records it sent at `time`, as a forwarder would.
    static func sendAll(_ store: KioskStore, at time: Timestamp) throws {
        for item in try store.takeDueAwards(limit: 100, now: time) {
            try store.waitFor { store.record(item.id, .sent(reference: "ref-\(item.id)"), at: time, completion: $0) }
        }
    }
}
