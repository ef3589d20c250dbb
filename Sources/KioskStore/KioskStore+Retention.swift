import KioskCore

/// Personal data retention (docs/ARCHITECTURE.md §4.5): names and emails go once the issuer has had them long enough.
extension KioskStore {
    /// Erases the name and email of every claim whose awards were all confirmed `sent` at least
    /// `days` days before `now`. Claims and awards stay, so counts and reports do not change, and
    /// so does each claim's `ClaimerKey` hash, so a repeat is still answered as the same claim.
    /// A claim still waiting for an email after `days` days lapses: its name goes with its code, and
    /// its awards, never sent, become `lapsed`.
    /// Returns how many claims were erased.
    public func purgePersonalData(olderThanDays days: Int, at now: Timestamp) throws(StoreError) -> Int {
        let cutoff = now.adding(seconds: -Int64(days) * 86_400).milliseconds
        return try writeAndWait { connection in
            let stale = "SELECT claim_id FROM email_later WHERE created_at <= ?1"
            try connection.run("UPDATE awards SET state = 'lapsed', updated_at = ?2 WHERE state = 'waiting' AND claim_id IN (\(stale))",
                               .integer(cutoff), .integer(now.milliseconds))
            try connection.run("UPDATE claims SET name = NULL WHERE id IN (\(stale))", .integer(cutoff))
            let lapsed = connection.changes
            try connection.run("DELETE FROM email_later WHERE created_at <= ?1", .integer(cutoff))
            let purge = try connection.cached("""
                UPDATE claims SET name = NULL, email = NULL
                WHERE (name IS NOT NULL OR email IS NOT NULL) AND created_at <= ?1
                  AND EXISTS (SELECT 1 FROM awards a WHERE a.claim_id = claims.id)
                  AND NOT EXISTS (SELECT 1 FROM awards a WHERE a.claim_id = claims.id
                                  AND (a.state <> 'sent' OR a.updated_at > ?1))
                """)
            try purge.bind(cutoff, at: 1)
            try purge.run()
            return lapsed + connection.changes
        }
    }
}
