/// Which issuer API the kiosk forwards awards to (config key `issuer`).
public enum IssuerKind: String, Sendable, CaseIterable {
    /// Open Badge Factory.
    case obf
    /// Badgr, Canvas Credentials and other badgr-server deployments.
    case badgr
    /// Navigatr (a personal access token; no way to ask whether an award was already made).
    case navigatr

    /// The issuer's name as an admin knows it.
    public var displayName: String {
        switch self {
        case .obf: "Open Badge Factory"
        case .badgr: "Badgr"
        case .navigatr: "Navigatr"
        }
    }

    /// Where staff look to see whether the issuer holds an award (for awards left `unsure`).
    public var recordsPlace: String {
        switch self {
        case .obf: "the badge's issued awards in Open Badge Factory"
        case .badgr: "the badge's awarded recipients in Badgr"
        case .navigatr: "the badge's Recipients tab on Navigatr"
        }
    }
}
