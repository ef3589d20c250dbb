import KioskCore

/// The forwarder's own view, beside the outbox counts: is it sending, and if not, why.
public struct ForwarderStatus: Sendable, Equatable {
    public var issuer: IssuerKind?
    /// All sending waits until then (a 429, the issuer unreachable, a token problem).
    public var pausedUntil: Timestamp?
    /// Awards being sent right now.
    public var inFlight: Int
    /// The latest problem that paused sending, in plain words.
    public var lastProblem: String?
    /// Awards the issuer answered whose outcome the store could not save yet: kept in memory and saved again.
    public var unsaved: Int

    public init(issuer: IssuerKind?, pausedUntil: Timestamp?, inFlight: Int, lastProblem: String?, unsaved: Int = 0) {
        self.issuer = issuer
        self.pausedUntil = pausedUntil
        self.inFlight = inFlight
        self.lastProblem = lastProblem
        self.unsaved = unsaved
    }
}
