import KioskCore
@testable import KioskStore
import Testing

@Suite("Session figures: a report's counts kept in the same commit as the claims and awards")
struct SessionFiguresTests {
    /// Each session's claims counted from every claim and award, as reports did before schema 10: what
    /// the kept figures must always equal.
    static let recountSQL = """
        SELECT s.id, COUNT(t.claim_id), TOTAL(t.state = 'sent'), TOTAL(t.state = 'failed'), TOTAL(t.state = 'waiting'),
               TOTAL(t.state = 'lapsed'), TOTAL(t.state = 'onTheWay'),
               TOTAL(t.state = 'sent' AND t.accepted), TOTAL(t.state = 'sent' AND t.known)
        FROM sessions s LEFT JOIN (
            SELECT c.session_id, c.id AS claim_id,
                   CASE WHEN TOTAL(a.state = 'failed') > 0 THEN 'failed'
                        WHEN TOTAL(a.state = 'lapsed') > 0 THEN 'lapsed'
                        WHEN TOTAL(a.state = 'waiting') > 0 THEN 'waiting'
                        WHEN TOTAL(a.state = 'sent') = COUNT(a.id) THEN 'sent'
                        ELSE 'onTheWay' END AS state,
                   TOTAL(a.acceptance = 'accepted') = COUNT(a.id) AS accepted,
                   TOTAL(a.acceptance IS NOT NULL) = COUNT(a.id) AS known
            FROM claims c JOIN awards a ON a.claim_id = c.id GROUP BY c.id
        ) t ON t.session_id = s.id
        GROUP BY s.id ORDER BY s.id
        """

    @Test("claims, sends, failures, acceptances, a later email, a merge, a lapse and a rolled-back write leave the figures equal to a recount")
    func followEveryChange() throws {
        let fixture = try Fixture(expected: 20)
        for learner in 0..<6 {
            _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner,
                                                                 at: Fixture.during.adding(seconds: Int64(learner))))
        }
        _ = try fixture.store.submitClaim(ClaimSubmission(
            codeID: fixture.code.id, claimant: try Claimant(name: "Amira", consent: true), newClaimID: "later",
            at: Fixture.during, laterCode: "K7M2QX4P"))
        _ = try fixture.store.submitClaim(ClaimSubmission(
            codeID: fixture.code.id, claimant: try Claimant(name: "Olek", consent: true), newClaimID: "lapsing",
            at: Fixture.during, laterCode: "Q4PX7M2K"))
        let made = try figures(fixture)
        #expect(made.claimed == 8 && made.onTheWay == 6 && made.waiting == 2)
        try expectFiguresMatch(fixture)

        try fixture.store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'sent' WHERE id IN (1, 2, 3, 5, 6)")
            try connection.execute("UPDATE awards SET state = 'failed' WHERE id = 4")
            try connection.execute("UPDATE awards SET acceptance = 'pending' WHERE id IN (5, 6)")
            try connection.execute("UPDATE awards SET acceptance = 'accepted' WHERE id IN (1, 2)")
            // Written again with what it holds: no move, so nothing may be counted twice.
            try connection.execute("UPDATE awards SET state = 'sent', attempts = attempts + 1 WHERE id = 1")
        }
        try expectFiguresMatch(fixture)
        let moved = try figures(fixture)
        #expect(moved.sent == 2 && moved.accepted == 1 && moved.acceptanceKnown == 2 && moved.failed == 1)

        // The learner gives an email later; their awards join the outbox.
        _ = try fixture.store.addEmail("amira@example.org", laterCode: "K7M2QX4P", at: Fixture.during.adding(seconds: 60))
        try expectFiguresMatch(fixture)
        // One with no email yet lapses in the purge, and a merged waiting claim goes with its awards.
        #expect(try fixture.store.purgePersonalData(olderThanDays: 1, at: Fixture.during.adding(seconds: 3 * 86_400)) >= 1)
        try expectFiguresMatch(fixture)
        #expect(try figures(fixture).lapsed == 1)
        try fixture.store.writeAndWait { connection in
            try connection.execute("DELETE FROM awards WHERE claim_id = 'lapsing'")
            try connection.execute("DELETE FROM claims WHERE id = 'lapsing'")
        }
        try expectFiguresMatch(fixture)

        // A write that fails after changing awards is undone, and the figures with it.
        #expect(throws: StoreError.self) {
            try fixture.store.writeAndWait { connection in
                try connection.execute("UPDATE awards SET state = 'failed' WHERE claim_id = 'later'")
                throw StoreError.invalid("undo this")
            }
        }
        try expectFiguresMatch(fixture)
        #expect(try figures(fixture).claimed == 7)
    }

    @Test("a store made before the figures gets each claim stood and counted when it opens")
    func countedOnUpgrade() throws {
        let directory = try Fixture.olderStore(version: 9, rows: """
            INSERT INTO badges (id, name, description, updated_at) VALUES ('b1', 'Day 1', '', 1), ('b2', 'Day 2', '', 1);
            INSERT INTO sessions (id, title, expected, created_at, ended_at) VALUES (1, 'Intro', 4, 1, 2), (2, 'Cooking', 4, 5, 6);
            INSERT INTO claim_codes (id, session_id, kind, token, short, created_at, expires_at, max_claims, claimed)
                VALUES (1, 1, 'session', 'tok', 'K7M2QX', 2, 999, 5, 3), (2, 2, 'session', 'tok2', 'Q4PX7M', 6, 999, 5, 1);
            INSERT INTO claims (id, code_id, session_id, name, email, created_at)
                VALUES ('c1', 1, 1, 'Amira', 'amira@example.org', 3), ('c2', 1, 1, NULL, NULL, 4),
                       ('c3', 1, 1, 'Olek', NULL, 5), ('c4', 2, 2, 'Sam', 'sam@example.org', 7);
            INSERT INTO awards (claim_id, badge_id, state, acceptance, created_at, updated_at) VALUES
                ('c1', 'b1', 'sent', 'accepted', 3, 3), ('c1', 'b2', 'queued', NULL, 3, 3), ('c2', 'b1', 'sent', 'accepted', 4, 4),
                ('c2', 'b2', 'failed', NULL, 4, 4), ('c3', 'b1', 'waiting', NULL, 5, 5), ('c4', 'b1', 'sent', 'accepted', 7, 7);
            """)

        let store = try KioskStore(directory: directory.path)
        defer { store.close() }
        let sessions = try store.sessionFigures()
        #expect(sessions.map(\.tally) == [
            ClaimTally(claimed: 3, sent: 0, failed: 1, waiting: 1, lapsed: 0, onTheWay: 1, accepted: 0, acceptanceKnown: 0),
            ClaimTally(claimed: 1, sent: 1, failed: 0, waiting: 0, lapsed: 0, onTheWay: 0, accepted: 1, acceptanceKnown: 1),
        ])
    }

    /// Every session's figures summed: what the checks above name.
    private func figures(_ fixture: Fixture) throws -> ClaimTally {
        try fixture.store.sessionFigures().map(\.tally).reduce(ClaimTally(), +)
    }

    /// The kept figures of every session against `recountSQL` over the rows themselves.
    private func expectFiguresMatch(_ fixture: Fixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let kept = try fixture.store.sessionFigures().map { figures in
            [Int(figures.sessionID), figures.tally.claimed, figures.tally.sent, figures.tally.failed, figures.tally.waiting,
             figures.tally.lapsed, figures.tally.onTheWay, figures.tally.accepted, figures.tally.acceptanceKnown]
        }
        let connection = try Connection.open(path: fixture.store.path, readOnly: true)
        defer { connection.close() }
        let recount = try connection.prepare(Self.recountSQL)
        var counted: [[Int]] = []
        while try recount.step() { counted.append((0..<9).map { Int(recount.double(at: Int32($0))) }) }
        #expect(kept == counted, sourceLocation: sourceLocation)
        // The sessions list reads the same figures: every claim, and those with no email yet.
        for session in try fixture.store.sessions(limit: 10) {
            #expect(session.claimed == (try fixture.count("claims WHERE session_id = \(session.session.id)")),
                    sourceLocation: sourceLocation)
            #expect(session.waitingForEmail == (try fixture.count(
                "claims c JOIN email_later l ON l.claim_id = c.id WHERE c.session_id = \(session.session.id)")),
                    sourceLocation: sourceLocation)
        }
    }
}
