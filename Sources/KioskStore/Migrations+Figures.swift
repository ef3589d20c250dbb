/// Version 10: a report's figures kept per session, so a month's report reads one row per session and
/// standing, not every claim and award of the month (docs/ARCHITECTURE.md §4.11). The claims already
/// made are stood by `standClaims` once the triggers are in place.
extension Migrations {
    /// Where one claim stands as the reports count it, from its awards: `failed`, `lapsed` or `waiting`
    /// when any award is; `onTheWay` until every award is sent; then `sent.accepted` when every one has
    /// been accepted, `sent.known` when the issuer has said for every one, or `sent`. `Award.State.overall`
    /// judges a claim the same way. NULL for a claim with no awards, which no report counts.
    static func standing(ofClaim claimID: String) -> String {
        """
        (SELECT CASE WHEN COUNT(*) = 0 THEN NULL
                     WHEN TOTAL(state = 'failed') > 0 THEN 'failed'
                     WHEN TOTAL(state = 'lapsed') > 0 THEN 'lapsed'
                     WHEN TOTAL(state = 'waiting') > 0 THEN 'waiting'
                     WHEN TOTAL(state = 'sent') < COUNT(*) THEN 'onTheWay'
                     WHEN TOTAL(acceptance = 'accepted') = COUNT(*) THEN 'sent.accepted'
                     WHEN TOTAL(acceptance IS NOT NULL) = COUNT(*) THEN 'sent.known'
                     ELSE 'sent' END
         FROM awards WHERE claim_id = \(claimID))
        """
    }

    /// Sets `claimID`'s standing from its awards, writing the row only when it moves.
    static func restand(_ claimID: String) -> String {
        "UPDATE claims SET standing = \(standing(ofClaim: claimID)) WHERE id = \(claimID) AND standing IS NOT \(standing(ofClaim: claimID));"
    }

    /// `claims.standing` holds each claim's standing and `session_figures` the number of claims of each
    /// session in each standing, kept by triggers in the transaction that changes the rows (as `tallies`
    /// are, §4.11). A new claim is written with its standing (`onTheWay`, or `waiting` without an email),
    /// so the claim path pays one counter; an award's move, or its removal, stands its claim again, and
    /// so does `Connection.insertAwards`, where every award is added (no trigger on the insert: it
    /// would stand a new claim once per award).
    /// A later step that rebuilds `claims` or `awards` drops these triggers and must make them again.
    static let schemaV10 = """
        ALTER TABLE claims ADD COLUMN standing TEXT;
        CREATE TABLE session_figures (
            session_id INTEGER NOT NULL,
            standing TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (session_id, standing)
        ) WITHOUT ROWID;
        CREATE TRIGGER figure_claim_added AFTER INSERT ON claims WHEN NEW.standing IS NOT NULL BEGIN
            INSERT INTO session_figures (session_id, standing, n) VALUES (NEW.session_id, NEW.standing, 1)
                ON CONFLICT (session_id, standing) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER figure_claim_removed AFTER DELETE ON claims WHEN OLD.standing IS NOT NULL BEGIN
            UPDATE session_figures SET n = n - 1 WHERE session_id = OLD.session_id AND standing = OLD.standing;
        END;
        CREATE TRIGGER figure_claim_moved AFTER UPDATE OF standing ON claims WHEN OLD.standing IS NOT NEW.standing BEGIN
            UPDATE session_figures SET n = n - 1 WHERE session_id = OLD.session_id AND standing = OLD.standing;
            INSERT INTO session_figures (session_id, standing, n) SELECT NEW.session_id, NEW.standing, 1
                WHERE NEW.standing IS NOT NULL ON CONFLICT (session_id, standing) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER standing_award_moved AFTER UPDATE OF state, acceptance ON awards
            WHEN OLD.state IS NOT NEW.state OR OLD.acceptance IS NOT NEW.acceptance BEGIN
            \(restand("NEW.claim_id"))
        END;
        CREATE TRIGGER standing_award_removed AFTER DELETE ON awards BEGIN
            \(restand("OLD.claim_id"))
        END;
        """

    /// Stands the claims already made, one session at a time: `figure_claim_moved` counts each one as
    /// it moves from no standing to its own. Session by session, no step holds more than one session's
    /// claims, where one statement over every claim sorted or listed them all in memory (48 MB at peak
    /// on a store of 400k claims).
    static func standClaims(_ connection: Connection) throws(StoreError) {
        let sessions = try connection.prepare("SELECT id FROM sessions ORDER BY id")
        var ids: [Int64] = []
        while try sessions.step() { ids.append(sessions.int64(at: 0)) }
        let stand = try connection.prepare("UPDATE claims SET standing = \(standing(ofClaim: "claims.id")) WHERE session_id = ?")
        for id in ids {
            stand.reset()
            try stand.bind(id, at: 1)
            try stand.run()
        }
    }
}
