import KioskCore
import KioskStore

/// The JSON shapes of the API (docs/ARCHITECTURE.md §4.2), one type per body.
enum Bodies {
    struct ClaimRequest: Decodable {
        var code: String?
        var name: String?
        var email: String?
        var consent: Bool?
    }

    struct SessionRequest: Decodable {
        var title: String?
        var badges: [String]?
        var expected: Int?
    }

    struct SlipsRequest: Decodable {
        var count: Int?
    }

    /// `POST /api/v1/sessions/{id}/limit`: how many learners the session's code admits in all.
    struct LimitRequest: Decodable {
        var maxClaims: Int?
    }

    struct ClaimReply: Encodable {
        struct Detail: Encodable {
            var id: String
            var state: String
            var badges: [String]
            var sessionId: Int64
        }

        var claim: Detail

        /// `state` is where the claim's awards stand: `queued` when new, up to `sent` on a later repeat.
        init(_ claim: Claim, state: Award.State) {
            self.claim = Detail(id: claim.id, state: state.rawValue, badges: claim.badgeIDs, sessionId: claim.sessionID)
        }
    }

    struct BadgesReply: Encodable {
        var badges: [Badge]
    }

    struct CodeDetail: Encodable {
        var token: String
        var short: String
        var url: String
        var expiresAt: String
        var maxClaims: Int
        var claimed: Int

        init(_ code: ClaimCode, publicURL: String) {
            token = code.token
            short = code.displayShort
            url = "\(publicURL)/c/\(code.token)"
            expiresAt = code.expiresAt.iso8601
            maxClaims = code.maxClaims
            claimed = code.claimed
        }
    }

    struct CodeReply: Encodable {
        var code: CodeDetail
    }

    struct SlipsReply: Encodable {
        var codes: [CodeDetail]
    }

    struct SessionDetail: Encodable {
        var id: Int64
        var title: String
        var badges: [String]
        var expected: Int
        var claimed: Int
        var createdAt: String
        var endedAt: String?
        var code: CodeDetail?

        init(_ summary: SessionSummary, publicURL: String) {
            id = summary.session.id
            title = summary.session.title
            badges = summary.session.badgeIDs
            expected = summary.session.expected
            claimed = summary.claimed
            createdAt = summary.session.createdAt.iso8601
            endedAt = summary.session.endedAt?.iso8601
            code = summary.code.map { CodeDetail($0, publicURL: publicURL) }
        }
    }

    struct SessionReply: Encodable {
        var session: SessionDetail
    }

    struct SessionsReply: Encodable {
        var sessions: [SessionDetail]
    }

    struct Health: Encodable {
        var status = "ok"
    }
}
