import KioskCore

/// Personal data retention (docs/ARCHITECTURE.md §4.5): names and emails go once the issuer has had them long enough.
extension KioskStore {
    /// Erases the name and email of every claim whose awards were all confirmed `sent` at least
    /// `days` days before `now`. Claims and awards stay, so counts and reports do not change, and
    /// so does each claim's `ClaimerKey` hash, so a repeat is still answered as the same claim.
    /// Returns how many claims were erased.
    public func purgePersonalData(olderThanDays days: Int, at now: Timestamp) throws(StoreError) -> Int {
        let cutoff = now.adding(seconds: -Int64(days) * 86_400).milliseconds
        return try writeAndWait { connection in
            let purge = try connection.cached("""
                UPDATE claims SET name = NULL, email = NULL
                WHERE (name IS NOT NULL OR email IS NOT NULL) AND created_at <= ?1
                  AND EXISTS (SELECT 1 FROM awards a WHERE a.claim_id = claims.id)
                  AND NOT EXISTS (SELECT 1 FROM awards a WHERE a.claim_id = claims.id
                                  AND (a.state <> 'sent' OR a.updated_at > ?1))
                """)
            try purge.bind(cutoff, at: 1)
            try purge.run()
            return connection.changes
        }
    }
}
