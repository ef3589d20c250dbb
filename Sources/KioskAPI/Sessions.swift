import Foundation

/// `POST /api/v1/sessions`: starts a session. Fields may be missing, so the service can say which one is.
public struct SessionRequest: Codable, Sendable, Equatable {
    public var title: String?
    public var badges: [String]?
    public var expected: Int?

    public init(title: String?, badges: [String]?, expected: Int?) {
        self.title = title
        self.badges = badges
        self.expected = expected
    }
}

/// `POST /api/v1/sessions/{id}/slips`: how many single-use slip codes to make.
public struct SlipsRequest: Codable, Sendable, Equatable {
    public var count: Int?

    public init(count: Int?) {
        self.count = count
    }
}

/// `POST /api/v1/sessions/{id}/limit`: how many learners the session's code admits in all.
public struct LimitRequest: Codable, Sendable, Equatable {
    public var maxClaims: Int?

    public init(maxClaims: Int?) {
        self.maxClaims = maxClaims
    }
}

/// A claim code: the QR token, the short form people type, the link phones open, and how full it is.
public struct CodeDetail: Codable, Sendable, Equatable {
    public var token: String
    /// The short code as shown, in groups (`K7M-2QX-4P9B`).
    public var short: String
    public var url: String
    public var expiresAt: Date
    public var maxClaims: Int
    public var claimed: Int

    public init(token: String, short: String, url: String, expiresAt: Date, maxClaims: Int, claimed: Int) {
        self.token = token
        self.short = short
        self.url = url
        self.expiresAt = expiresAt
        self.maxClaims = maxClaims
        self.claimed = claimed
    }
}

/// A session: its badges, how many came and claimed, and its code once it has ended.
public struct SessionDetail: Codable, Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var badges: [String]
    public var expected: Int
    public var claimed: Int
    /// Of those, the claims kept for learners with no email yet.
    public var waitingForEmail: Int
    public var createdAt: Date
    /// Left out while the session runs.
    public var endedAt: Date?
    /// Left out until the session has ended.
    public var code: CodeDetail?

    public init(id: Int64, title: String, badges: [String], expected: Int, claimed: Int, waitingForEmail: Int = 0,
                createdAt: Date, endedAt: Date? = nil, code: CodeDetail? = nil) {
        self.id = id
        self.title = title
        self.badges = badges
        self.expected = expected
        self.claimed = claimed
        self.waitingForEmail = waitingForEmail
        self.createdAt = createdAt
        self.endedAt = endedAt
        self.code = code
    }
}

/// `POST /api/v1/sessions` (201) and `GET /api/v1/sessions/{id}`: one session.
public struct SessionReply: Codable, Sendable, Equatable {
    public var session: SessionDetail

    public init(session: SessionDetail) {
        self.session = session
    }
}

/// `GET /api/v1/sessions`: the latest sessions, newest first.
public struct SessionsReply: Codable, Sendable, Equatable {
    public var sessions: [SessionDetail]

    public init(sessions: [SessionDetail]) {
        self.sessions = sessions
    }
}

/// `POST /api/v1/sessions/{id}/end` and `…/limit`: the session's claim code.
public struct CodeReply: Codable, Sendable, Equatable {
    public var code: CodeDetail

    public init(code: CodeDetail) {
        self.code = code
    }
}

/// `POST /api/v1/sessions/{id}/slips` (201): the slip codes just made.
public struct SlipsReply: Codable, Sendable, Equatable {
    public var codes: [CodeDetail]

    public init(codes: [CodeDetail]) {
        self.codes = codes
    }
}
