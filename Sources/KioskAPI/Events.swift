/// The `event:` name of a live change on `GET /api/v1/events`.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    /// A new claim was stored (`ClaimEvent`).
    case claim
    /// A session started, ended or had its claim limit changed (`SessionEvent`).
    case session
    /// An award changed state in the outbox (`OutboxEvent`).
    case outbox
    /// Claim links start with a new address: this machine's network changed (`AddressEvent`).
    case address
    /// A learner said yes to their "Well done" line on the first screen (`CelebrationEvent`).
    case celebration
}

/// The data of a `celebration` event: how many lines show now (never whose).
public struct CelebrationEvent: Codable, Sendable, Equatable {
    public var shown: Int

    public init(shown: Int) {
        self.shown = shown
    }
}

/// The data of an `address` event: the new start of every claim link.
public struct AddressEvent: Codable, Sendable, Equatable {
    public var url: String

    public init(url: String) {
        self.url = url
    }
}

/// The data of a `claim` event: which session and code (never who).
public struct ClaimEvent: Codable, Sendable, Equatable {
    public var sessionId: Int64
    public var codeId: Int64

    public init(sessionId: Int64, codeId: Int64) {
        self.sessionId = sessionId
        self.codeId = codeId
    }
}

/// The data of a `session` event.
public struct SessionEvent: Codable, Sendable, Equatable {
    /// What happened to the session.
    public enum Change: String, Codable, Sendable {
        case started, ended, limit
    }

    public var id: Int64
    public var change: Change

    public init(id: Int64, change: Change) {
        self.id = id
        self.change = change
    }
}

/// The data of an `outbox` event: an award's new state.
public struct OutboxEvent: Codable, Sendable, Equatable {
    public var award: Int64
    public var state: String

    public init(award: Int64, state: String) {
        self.award = award
        self.state = state
    }
}
