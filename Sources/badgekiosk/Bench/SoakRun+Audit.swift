import KioskStore

extension SoakRun {
    /// Holds what the service acknowledged against its database file (read once the service has
    /// stopped) and what the simulated issuer received.
    func audit(acknowledged: [String: String], issuer: BenchIssuer) throws -> SoakAudit {
        let connection = try Connection.open(path: "\(state)/\(KioskStore.fileName)", readOnly: true)
        defer { connection.close() }
        var claims: [String: String] = [:]
        let claimRows = try connection.prepare("SELECT id, email FROM claims")
        while try claimRows.step() {
            guard let id = claimRows.text(at: 0) else { continue }
            claims[id] = claimRows.text(at: 1) ?? ""
        }
        var awards: [SoakAudit.StoredAward] = []
        let awardRows = try connection.prepare("SELECT a.badge_id, c.email, a.state FROM awards a JOIN claims c ON c.id = a.claim_id")
        while try awardRows.step() {
            awards.append(SoakAudit.StoredAward(badge: awardRows.text(at: 0) ?? "", email: awardRows.text(at: 1) ?? "",
                                                state: awardRows.text(at: 2) ?? ""))
        }
        return SoakAudit(acknowledged: acknowledged, storedClaims: claims, storedAwards: awards,
                         issuer: issuer.simulator.awards.map { ($0.badge, $0.email) })
    }

    /// Awards the database holds as being sent: read between a kill and the restart, they are the
    /// ones the kill caught in flight.
    func awardsBeingSent() throws -> Int {
        let connection = try Connection.open(path: "\(state)/\(KioskStore.fileName)", readOnly: true)
        defer { connection.close() }
        let rows = try connection.prepare("SELECT COUNT(*) FROM awards WHERE state = 'sending'")
        return try rows.step() ? rows.int(at: 0) : 0
    }
}
