import KioskCore

/// A session as volunteers see it: its details, how many have claimed, and its current claim code.
public struct SessionSummary: Sendable, Equatable {
    public var session: Session
    /// Distinct claims made for the session, with any of its codes.
    public var claimed: Int
    /// Of those, the claims still waiting for their learner's email.
    public var waitingForEmail: Int
    /// The session's newest QR code (not its printed slips); nil until the session has ended.
    public var code: ClaimCode?

    public init(session: Session, claimed: Int, waitingForEmail: Int = 0, code: ClaimCode?) {
        self.session = session
        self.claimed = claimed
        self.waitingForEmail = waitingForEmail
        self.code = code
    }
}
