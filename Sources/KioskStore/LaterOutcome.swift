import KioskCore

/// What became of an email added to a waiting claim, once committed.
public enum LaterOutcome: Sendable, Equatable {
    /// The claim has its email: its awards (and any programme completion the email finishes) are queued.
    case added(Claim)
    /// The learner had already claimed with this code and this email: the waiting claim is folded
    /// into that one (removed, its place given back), so no badge goes twice. The earlier claim's
    /// id and where its awards stand.
    case alreadyClaimed(Claim, state: Award.State)
    /// No waiting claim has that code (never made, its email added already, or lapsed).
    case unknownCode

    /// The claim the email now belongs to, new or earlier; nil for an unknown code.
    public var claim: Claim? {
        switch self {
        case .added(let claim), .alreadyClaimed(let claim, _): claim
        case .unknownCode: nil
        }
    }
}

/// A claim waiting for its learner's email, as a volunteer picks it.
public struct WaitingClaim: Sendable, Equatable {
    public var claimID: String
    public var name: String
    public var sessionID: Int64
    public var sessionTitle: String
    public var createdAt: Timestamp
    /// The code that adds the email (`ShortCode.laterLength`).
    public var laterCode: String

    public init(claimID: String, name: String, sessionID: Int64, sessionTitle: String, createdAt: Timestamp,
                laterCode: String) {
        self.claimID = claimID
        self.name = name
        self.sessionID = sessionID
        self.sessionTitle = sessionTitle
        self.createdAt = createdAt
        self.laterCode = laterCode
    }
}
