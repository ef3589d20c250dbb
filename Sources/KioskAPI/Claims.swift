import Foundation

/// `POST /api/v1/claims`: a learner's claim, or (with only `code`) a check of a code. Every field may be
/// missing, so the service can say which one is.
public struct ClaimRequest: Codable, Sendable, Equatable {
    public var code: String?
    public var name: String?
    public var email: String?
    public var consent: Bool?
    /// True for a learner with no email address yet (and no `email`): the claim is kept, its awards
    /// waiting, and the reply carries the code that adds an email later.
    public var emailLater: Bool?

    public init(code: String?, name: String? = nil, email: String? = nil, consent: Bool? = nil, emailLater: Bool? = nil) {
        self.code = code
        self.name = name
        self.email = email
        self.consent = consent
        self.emailLater = emailLater
    }
}

/// `POST /api/v1/claims/later`: an email for a claim that waits for one, with the claim's later code.
public struct LaterEmailRequest: Codable, Sendable, Equatable {
    public var code: String?
    public var email: String?
    public var consent: Bool?

    public init(code: String?, email: String?, consent: Bool?) {
        self.code = code
        self.email = email
        self.consent = consent
    }
}

/// The code that adds an email to a waiting claim, and the page where a learner can type it.
public struct LaterDetail: Codable, Sendable, Equatable {
    /// `K7M-2QX-4P`: shown large, or printed, for the learner to keep.
    public var code: String
    public var url: String

    public init(code: String, url: String) {
        self.code = code
        self.url = url
    }
}

/// `GET /api/v1/claims/waiting` (staff): the claims waiting for an email, newest first.
public struct WaitingClaimsReply: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var sessionId: Int64
        public var sessionTitle: String
        public var claimedAt: Date
        /// The later code, for a volunteer adding the email for the learner.
        public var code: String

        public init(id: String, name: String, sessionId: Int64, sessionTitle: String, claimedAt: Date, code: String) {
            self.id = id
            self.name = name
            self.sessionId = sessionId
            self.sessionTitle = sessionTitle
            self.claimedAt = claimedAt
            self.code = code
        }
    }

    public var claims: [Item]

    public init(claims: [Item]) {
        self.claims = claims
    }
}

/// The answer to a claim: 201 for a new one, 200 for the same claim again.
public struct ClaimReply: Codable, Sendable, Equatable {
    /// A stored claim.
    public struct Detail: Codable, Sendable, Equatable {
        public var id: String
        /// Where its awards stand: `queued` when new (`waiting` with no email yet), up to `sent`,
        /// `failed` or `unsure` on a later repeat.
        public var state: String
        /// What it awards: the session's badges, then the completion badge of each programme it finished.
        public var badges: [String]
        public var sessionId: Int64
        /// Only on a new waiting claim: the code that adds the email later.
        public var later: LaterDetail?
        /// Only on a new claim with an email, while the kiosk shows names: the key that says yes to
        /// "Well done" with the first name on the kiosk's screen (`POST /api/v1/celebrations`), for 15 minutes.
        public var celebrate: String?

        public init(id: String, state: String, badges: [String], sessionId: Int64, later: LaterDetail? = nil,
                    celebrate: String? = nil) {
            self.id = id
            self.state = state
            self.badges = badges
            self.sessionId = sessionId
            self.later = later
            self.celebrate = celebrate
        }
    }

    public var claim: Detail

    public init(claim: Detail) {
        self.claim = claim
    }
}
