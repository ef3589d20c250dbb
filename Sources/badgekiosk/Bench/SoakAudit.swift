/// The end of a soak in figures: what the service acknowledged against what its database holds, and
/// its awards against what the issuer received.
struct SoakAudit: Equatable {
    /// An award as the service's database holds it.
    struct StoredAward: Equatable {
        var badge: String
        var email: String
        var state: String
    }

    /// Claims answered 201 or 200.
    var acknowledged = 0
    /// Acknowledged claims the database does not hold (or holds with another email).
    var missingClaims = 0
    var awards = 0
    /// Stored awards in any state but `sent`.
    var unsent = 0
    /// Awards the issuer received, counting every copy.
    var issuerAwards = 0
    /// Copies beyond the first of one badge for one learner at the issuer.
    var duplicates = 0
    /// Stored awards the issuer never received.
    var notAtIssuer = 0
    /// Awards the issuer received that the database does not hold.
    var unknownAtIssuer = 0

    init() {}

    /// `acknowledged` and `storedClaims` map claim ids to emails; `issuer` lists (badge, email) of
    /// every award received. Emails compare without regard to case, as a learner is one address.
    init(acknowledged: [String: String], storedClaims: [String: String], storedAwards: [StoredAward],
         issuer: [(badge: String, email: String)]) {
        self.acknowledged = acknowledged.count
        missingClaims = acknowledged.filter { id, email in storedClaims[id]?.lowercased() != email.lowercased() }.count
        awards = storedAwards.count
        unsent = storedAwards.filter { $0.state != "sent" }.count
        issuerAwards = issuer.count
        var held: [String: Int] = [:]
        for award in issuer { held[Self.key(award.badge, award.email), default: 0] += 1 }
        duplicates = held.values.reduce(0) { $0 + $1 - 1 }
        let stored = Set(storedAwards.map { Self.key($0.badge, $0.email) })
        notAtIssuer = stored.filter { held[$0] == nil }.count
        unknownAtIssuer = held.keys.filter { !stored.contains($0) }.count
    }

    var claimsKept: Bool { missingClaims == 0 }
    var allSent: Bool { unsent == 0 }
    var exactlyOnce: Bool { duplicates == 0 && notAtIssuer == 0 && unknownAtIssuer == 0 }

    private static func key(_ badge: String, _ email: String) -> String {
        "\(badge) \(email.lowercased())"
    }
}
