/// One badge for one learner on its way to the issuer: a row of the outbox.
public struct Award: Sendable, Equatable {
    /// Where an award is on its way to the issuer.
    public enum State: String, Sendable, CaseIterable, Codable {
        case queued, sending, sent, failed
    }

    public var id: Int64
    public var claimID: String
    public var badgeID: String
    public var state: State
    public var attempts: Int
    public var lastError: String?

    public init(id: Int64, claimID: String, badgeID: String, state: State, attempts: Int = 0, lastError: String? = nil) {
        self.id = id
        self.claimID = claimID
        self.badgeID = badgeID
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
    }
}
