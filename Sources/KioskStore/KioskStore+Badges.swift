import KioskCore

/// The badge catalogue, as synced from the issuer.
extension KioskStore {
    /// Every badge, ordered by name.
    public func badges() throws(StoreError) -> [Badge] {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached("SELECT id, name, description FROM badges ORDER BY name, id")
            var badges: [Badge] = []
            while try statement.step() {
                badges.append(Badge(id: statement.text(at: 0) ?? "", name: statement.text(at: 1) ?? "",
                                    description: statement.text(at: 2) ?? ""))
            }
            return badges
        }
    }

    /// The badge with the issuer's id `id`, if the catalogue has it.
    public func badge(id: String) throws(StoreError) -> Badge? {
        try withReader { connection throws(StoreError) in
            let statement = try connection.cached("SELECT name, description FROM badges WHERE id = ?")
            try statement.bind(id, at: 1)
            guard try statement.step() else { return nil }
            return Badge(id: id, name: statement.text(at: 0) ?? "", description: statement.text(at: 1) ?? "")
        }
    }

    /// Adds `badge` to the catalogue or updates the one with its id; returns once committed.
    public func upsertBadge(_ badge: Badge, at now: Timestamp = .now()) throws(StoreError) {
        try upsertBadges([badge], at: now)
    }

    /// Adds or updates every badge of `badges` in one commit, as a catalogue sync does.
    public func upsertBadges(_ badges: [Badge], at now: Timestamp = .now()) throws(StoreError) {
        try writeAndWait { connection in
            let statement = try connection.cached("""
                INSERT INTO badges (id, name, description, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, description = excluded.description, updated_at = excluded.updated_at
                """)
            for badge in badges {
                statement.reset()
                try statement.bind(badge.id, at: 1)
                try statement.bind(badge.name, at: 2)
                try statement.bind(badge.description, at: 3)
                try statement.bind(now.milliseconds, at: 4)
                try statement.run()
            }
        }
    }
}
