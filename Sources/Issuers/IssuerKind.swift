/// Which issuer API the kiosk forwards awards to (config key `issuer`).
public enum IssuerKind: String, Sendable, CaseIterable {
    /// Open Badge Factory.
    case obf
    /// Badgr, Canvas Credentials and other badgr-server deployments.
    case badgr

    /// The issuer's name as an admin knows it.
    public var displayName: String {
        switch self {
        case .obf: "Open Badge Factory"
        case .badgr: "Badgr"
        }
    }
}
