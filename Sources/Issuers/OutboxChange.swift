import KioskCore

/// An award changed state, committed: for live displays (the service's `outbox` event).
public struct OutboxChange: Sendable, Equatable {
    public var awardID: Int64
    public var state: Award.State

    public init(awardID: Int64, state: Award.State) {
        self.awardID = awardID
        self.state = state
    }
}
