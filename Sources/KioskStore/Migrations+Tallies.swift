/// Version 9: summaries that cost the same at a million rows as at a thousand (docs/ARCHITECTURE.md §4.10).
extension Migrations {
    /// `tallies` holds the number of sessions, of claims and of awards in each state, kept by triggers in the very
    /// transaction that changes a row, so a count is one read however many rows there are, and it can
    /// never drift from the rows it counts (a rolled-back claim rolls its tallies back with it).
    /// Rows are named `sessions`, `claims` and `awards.<state>`. A later step that rebuilds one of
    /// these tables drops its triggers with the old table and must make them again.
    ///
    /// The time indexes serve what is asked by day or month: today's claims (`activity`), the sessions
    /// of a report's period. Both grow at their right-hand end only, so the claim path pays one page
    /// it already holds. `awards_queued_age` holds only queued awards, so the oldest one's age is one
    /// step, not a walk through every award ever sent.
    static let schemaV9 = """
        CREATE TABLE tallies (
            name TEXT PRIMARY KEY NOT NULL,
            n INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO tallies (name, n) SELECT 'sessions', COUNT(*) FROM sessions;
        INSERT INTO tallies (name, n) SELECT 'claims', COUNT(*) FROM claims;
        INSERT INTO tallies (name, n) SELECT 'awards.' || state, COUNT(*) FROM awards GROUP BY state;
        CREATE TRIGGER tally_session_added AFTER INSERT ON sessions BEGIN
            UPDATE tallies SET n = n + 1 WHERE name = 'sessions';
        END;
        CREATE TRIGGER tally_session_removed AFTER DELETE ON sessions BEGIN
            UPDATE tallies SET n = n - 1 WHERE name = 'sessions';
        END;
        CREATE TRIGGER tally_claim_added AFTER INSERT ON claims BEGIN
            UPDATE tallies SET n = n + 1 WHERE name = 'claims';
        END;
        CREATE TRIGGER tally_claim_removed AFTER DELETE ON claims BEGIN
            UPDATE tallies SET n = n - 1 WHERE name = 'claims';
        END;
        CREATE TRIGGER tally_award_added AFTER INSERT ON awards BEGIN
            INSERT INTO tallies (name, n) VALUES ('awards.' || NEW.state, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER tally_award_removed AFTER DELETE ON awards BEGIN
            UPDATE tallies SET n = n - 1 WHERE name = 'awards.' || OLD.state;
        END;
        CREATE TRIGGER tally_award_moved AFTER UPDATE OF state ON awards WHEN OLD.state IS NOT NEW.state BEGIN
            UPDATE tallies SET n = n - 1 WHERE name = 'awards.' || OLD.state;
            INSERT INTO tallies (name, n) VALUES ('awards.' || NEW.state, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1;
        END;
        CREATE INDEX claims_by_time ON claims (created_at);
        CREATE INDEX sessions_by_time ON sessions (created_at);
        CREATE INDEX awards_queued_age ON awards (created_at) WHERE state = 'queued';
        """
}
