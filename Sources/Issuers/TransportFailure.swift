/// A request that got no HTTP answer.
public enum TransportFailure: Error, Sendable, Equatable {
    /// The request certainly did not reach the issuer (no connection, no such host): safe to send again.
    case notSent(String)
    /// It may have reached the issuer (timeout, connection lost mid-way): look before sending again.
    case lost(String)

    public var reason: String {
        switch self {
        case let .notSent(text), let .lost(text): text
        }
    }
}
