/// One badge for one learner on its way to the issuer: a row of the outbox.
public struct Award: Sendable, Equatable {
    /// Where an award is on its way to the issuer.
    public enum State: String, Sendable, CaseIterable, Codable {
        case queued, sending, sent, failed
        /// An attempt ended without a clear answer (a timeout, a dropped connection, a 5xx) at an
        /// issuer that cannot be asked whether it made the award: it waits for staff to check the
        /// issuer's own records and choose to send it again or mark it arrived. Never counts as sent.
        case unsure
        /// Claimed by a learner with no email address yet: not forwarded until one is added (with
        /// the claim's `laterCode`, or by a volunteer). Never counts as sent.
        case waiting
        /// Waited for an email until the retention purge, which erased the name: it is never sent.
        case lapsed

        /// Where a claim as a whole stands, from its awards: refused if any was refused, sent only
        /// when all were, waiting for staff if any is unsure, otherwise still on its way. A claim's
        /// awards wait for an email (or lapse) all together.
        public static func overall(_ states: [State]) -> State {
            if states.contains(.failed) { return .failed }
            if states.contains(.lapsed) { return .lapsed }
            if states.contains(.waiting) { return .waiting }
            if states.isEmpty || states.allSatisfy({ $0 == .sent }) { return .sent }
            if states.contains(.unsure) { return .unsure }
            return states.contains(.queued) ? .queued : .sending
        }
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
