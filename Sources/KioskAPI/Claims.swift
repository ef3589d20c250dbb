/// `POST /api/v1/claims`: a learner's claim, or (with only `code`) a check of a code. Every field may be
/// missing, so the service can say which one is.
public struct ClaimRequest: Codable, Sendable, Equatable {
    public var code: String?
    public var name: String?
    public var email: String?
    public var consent: Bool?

    public init(code: String?, name: String? = nil, email: String? = nil, consent: Bool? = nil) {
        self.code = code
        self.name = name
        self.email = email
        self.consent = consent
    }
}

/// The answer to a claim: 201 for a new one, 200 for the same claim again.
public struct ClaimReply: Codable, Sendable, Equatable {
    /// A stored claim.
    public struct Detail: Codable, Sendable, Equatable {
        public var id: String
        /// Where its awards stand: `queued` when new, up to `sent`, `failed` or `unsure` on a later repeat.
        public var state: String
        /// What it awards: the session's badges, then the completion badge of each programme it finished.
        public var badges: [String]
        public var sessionId: Int64

        public init(id: String, state: String, badges: [String], sessionId: Int64) {
            self.id = id
            self.state = state
            self.badges = badges
            self.sessionId = sessionId
        }
    }

    public var claim: Detail

    public init(claim: Detail) {
        self.claim = claim
    }
}
