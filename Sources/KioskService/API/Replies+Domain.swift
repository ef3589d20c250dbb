import KioskAPI
import KioskCore
import KioskStore

/// The API's reply bodies made from the domain's and the store's records.
extension ClaimReply {
    /// `state` is where the claim's awards stand: `queued` when new, up to `sent` on a later repeat.
    /// A waiting claim carries its later code and the page that takes the email.
    init(_ claim: Claim, state: Award.State, publicURL: String = "", celebrate: String? = nil) {
        let later = claim.laterCode.map { LaterDetail(code: ShortCode.display($0), url: "\(publicURL)/e/\($0)") }
        self.init(claim: Detail(id: claim.id, state: state.rawValue, badges: claim.badgeIDs, sessionId: claim.sessionID,
                                later: later, celebrate: celebrate))
    }
}

extension CodeDetail {
    init(_ code: ClaimCode, publicURL: String) {
        self.init(token: code.token, short: code.displayShort, url: "\(publicURL)/c/\(code.token)",
                  expiresAt: code.expiresAt.date, maxClaims: code.maxClaims, claimed: code.claimed)
    }
}

extension SessionDetail {
    init(_ summary: SessionSummary, publicURL: String) {
        self.init(id: summary.session.id, title: summary.session.title, badges: summary.session.badgeIDs,
                  expected: summary.session.expected, claimed: summary.claimed, waitingForEmail: summary.waitingForEmail,
                  createdAt: summary.session.createdAt.date,
                  endedAt: summary.session.endedAt?.date, code: summary.code.map { CodeDetail($0, publicURL: publicURL) })
    }
}

extension BadgeDetail {
    init(_ badge: Badge) {
        self.init(id: badge.id, name: badge.name, description: badge.description)
    }
}

extension ProgrammeDetail {
    init(_ programme: Programme) {
        self.init(id: programme.id, name: programme.name, badges: programme.badgeIDs, completion: programme.completionBadgeID)
    }
}
