/// One request the simulator received, with how it was answered: for tests' assertions on timing and shape.
public struct SimulatedRequest: Sendable, Equatable {
    /// Seconds since the simulator started (monotonic) when the request arrived.
    public var at: Double
    public var method: String
    /// Without the query.
    public var path: String
    /// The status answered; 0 when the connection was dropped or held unanswered.
    public var status: Int
    /// The fault injected, if any.
    public var fault: FaultSpec.Fault?
    /// Which request on its connection this was: 1 on a fresh connection, 2 and up on a reused one.
    public var numberOnConnection: UInt64

    public init(at: Double, method: String, path: String, status: Int, fault: FaultSpec.Fault?,
                numberOnConnection: UInt64 = 1) {
        self.at = at
        self.method = method
        self.path = path
        self.status = status
        self.fault = fault
        self.numberOnConnection = numberOnConnection
    }
}
