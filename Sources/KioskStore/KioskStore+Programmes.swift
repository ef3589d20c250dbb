import KioskCore

/// Programmes (docs/ARCHITECTURE.md §4.6): setting them up, listing them, and completing them on a claim.
extension KioskStore {
    /// Stores a checked programme. A badge (required or completion) not in the catalogue is refused
    /// with `.notFound("badge <id>")`, since its completion could never be forwarded.
    public func createProgramme(_ draft: ProgrammeDraft, at now: Timestamp,
                                completion: @escaping @Sendable (Result<Programme, StoreError>) -> Void) {
        write({ connection in
            let known = try connection.cached("SELECT 1 FROM badges WHERE id = ?")
            for id in draft.badgeIDs + [draft.completionBadgeID] {
                known.reset()
                try known.bind(id, at: 1)
                guard try known.step() else { throw StoreError.notFound("badge \(id)") }
            }
            known.reset()
            let insert = try connection.cached("""
                INSERT INTO programmes (name, completion_badge_id, created_at) VALUES (?, ?, ?)
                """)
            try insert.bind(draft.name, at: 1)
            try insert.bind(draft.completionBadgeID, at: 2)
            try insert.bind(now.milliseconds, at: 3)
            try insert.run()
            let id = connection.lastInsertRowID
            let link = try connection.cached("""
                INSERT INTO programme_badges (programme_id, badge_id, position) VALUES (?, ?, ?)
                """)
            for (position, badgeID) in draft.badgeIDs.enumerated() {
                link.reset()
                try link.bind(id, at: 1)
                try link.bind(badgeID, at: 2)
                try link.bind(position, at: 3)
                try link.run()
            }
            return Programme(id: id, name: draft.name, badgeIDs: draft.badgeIDs, completionBadgeID: draft.completionBadgeID)
        }, completion: completion)
    }

    /// `createProgramme` that returns once committed.
    public func createProgramme(_ draft: ProgrammeDraft, at now: Timestamp = .now()) throws(StoreError) -> Programme {
        try waitFor { createProgramme(draft, at: now, completion: $0) }
    }

    /// Every programme, oldest first.
    public func programmes() throws(StoreError) -> [Programme] {
        try withReader { connection throws(StoreError) in try connection.loadProgrammes() }
    }
}

extension Connection {
    /// The badges a learner holds in this store: every award of their claims not refused by the issuer.
    static let heldBadgesSQL = """
        SELECT DISTINCT a.badge_id FROM claims c JOIN awards a ON a.claim_id = c.id
        WHERE c.email = ? AND a.state <> 'failed'
        """

    /// Every programme with its required badges, oldest first: one query, run on each new claim.
    func loadProgrammes() throws(StoreError) -> [Programme] {
        let statement = try cached("""
            SELECT p.id, p.name, p.completion_badge_id, pb.badge_id
            FROM programmes p JOIN programme_badges pb ON pb.programme_id = p.id
            ORDER BY p.id, pb.position
            """)
        var programmes: [Programme] = []
        while try statement.step() {
            let id = statement.int64(at: 0)
            let badgeID = statement.text(at: 3) ?? ""
            if programmes.last?.id == id {
                programmes[programmes.count - 1].badgeIDs.append(badgeID)
            } else {
                programmes.append(Programme(id: id, name: statement.text(at: 1) ?? "", badgeIDs: [badgeID],
                                            completionBadgeID: statement.text(at: 2) ?? ""))
            }
        }
        return programmes
    }

    /// The completion badges `email` has just earned, once this claim's own awards are stored.
    ///
    /// Runs inside the claim's write job: the single writer means no other claim of the same learner
    /// can slip in between this look and the insert, so a completion is never awarded twice. On a
    /// kiosk with no programme, the one cheap look at the empty `programmes` table is all it costs.
    /// A refused (`failed`) award does not count as held. Emails the retention purge has erased no
    /// longer match, so days claimed before the purge do not count towards a programme: the kiosk
    /// keeps no personal data past retention, even for this.
    func programmeCompletions(email: String) throws(StoreError) -> [String] {
        let programmes = try loadProgrammes()
        guard !programmes.isEmpty else { return [] }
        // Claimant lower-cases every email before it is stored, so an exact match is one learner,
        // and it can use the `claims_by_email` index.
        let held = try cached(Self.heldBadgesSQL)
        try held.bind(email, at: 1)
        var badges = Set<String>()
        while try held.step() {
            badges.insert(held.text(at: 0) ?? "")
        }
        return ProgrammeRules.completions(held: badges, programmes: programmes)
    }
}
