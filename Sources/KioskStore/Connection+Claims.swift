import KioskCore

/// The claim rows the writer's jobs share: finding a learner's earlier claim, queueing awards.
extension Connection {
    /// The id and time of the claim made with `codeID` by the learner whose `ClaimerKey` is `claimerKey`:
    /// only these, so a repeat answers with what was just submitted, never the stored name.
    func claim(codeID: Int64, claimerKey: [UInt8]) throws(StoreError) -> (id: String, createdAt: Timestamp)? {
        let earlier = try cached("SELECT id, created_at FROM claims WHERE code_id = ? AND claimer_key = ?")
        defer { earlier.reset() }
        try earlier.bind(codeID, at: 1)
        try earlier.bind(claimerKey, at: 2)
        guard try earlier.step() else { return nil }
        return (earlier.text(at: 0) ?? "", Timestamp(milliseconds: earlier.int64(at: 1)))
    }

    /// One award per badge for the claim: due now, or `waiting` (never due) until its learner has an email.
    /// The claim is then stood again for the reports (schema 10): the triggers stand it when an award
    /// moves or goes, and this is the one place awards are added. For a new claim, written with the
    /// standing its awards give it, that is one look and no write.
    func insertAwards(_ badgeIDs: [String], claimID: String, waiting: Bool, at time: Timestamp) throws(StoreError) {
        guard !badgeIDs.isEmpty else { return }
        let award = try cached("""
            INSERT INTO awards (claim_id, badge_id, state, next_attempt_at, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5)
            """)
        for badgeID in badgeIDs {
            award.reset()
            try award.bind(claimID, at: 1)
            try award.bind(badgeID, at: 2)
            try award.bind(waiting ? Award.State.waiting.rawValue : Award.State.queued.rawValue, at: 3)
            try award.bind(waiting ? nil : time.milliseconds, at: 4)
            try award.bind(time.milliseconds, at: 5)
            try award.run()
        }
        try run(Migrations.restand("?1"), .text(claimID))
    }

    /// Where a claim's awards stand as a whole.
    func overallState(claimID: String) throws(StoreError) -> Award.State {
        let states = try cached("SELECT state FROM awards WHERE claim_id = ? ORDER BY id")
        defer { states.reset() }
        try states.bind(claimID, at: 1)
        var awards: [Award.State] = []
        while try states.step() {
            if let state = states.text(at: 0).flatMap(Award.State.init(rawValue:)) { awards.append(state) }
        }
        return Award.State.overall(awards)
    }

    /// Runs one cached write statement with `values` bound in order.
    func run(_ sql: String, _ values: SQLValue...) throws(StoreError) {
        let statement = try cached(sql)
        try statement.bind(values)
        try statement.run()
    }
}
