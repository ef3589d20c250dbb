import Issuers
import KioskCore

/// Everything `badgekiosk serve` can be told. Each setting's key, default, check and doc are in
/// `ServiceConfiguration.settings`; a new value starts at those defaults.
public struct ServiceConfiguration: Sendable, Equatable {
    public static let defaultPath = "/etc/badgekiosk/badgekiosk.conf"

    public var listenHost: String
    public var listenPort: Int
    public var stateDirectory: String
    /// The address phones use to reach this kiosk; nil means `http://<first non-loopback IPv4>:<port>`.
    public var publicURL: String?
    /// Shown to learners ("You took part in … at <venue>").
    public var venueName: String
    /// A per-laptop file whose first line, when the file exists, replaces `venueName`.
    public var venueFile: String
    public var codeLifetimeHours: Int
    public var claimHeadroomPercent: Int
    /// Failed code attempts one address may make in five minutes before it must wait.
    public var maxFailedCodeAttempts: Int
    public var eventLoops: Int
    public var maxConnections: Int
    /// Connections one device's address may hold at once (a phone needs a handful).
    public var maxConnectionsPerAddress: Int
    /// Days names and emails are kept after the issuer confirmed every award of a claim.
    public var retentionDays: Int
    /// Whether learners may say yes to their first name on the first screen (`Celebrations`).
    public var celebrateNames: Bool
    /// The central issuer's API; nil forwards nothing (claims wait, queued, until one is set).
    public var issuer: IssuerKind?
    public var issuerURL: String?
    public var issuerClientID: String?
    /// A file holding only the client secret, readable by the service alone (never the secret itself).
    public var issuerClientSecretFile: String?
    /// A PEM file of certificate authorities to trust for the issuer instead of the system's.
    public var issuerCAFile: String?
    public var issuerTimeoutSeconds: Int
    public var issuerConcurrency: Int
    /// The longest wait between two attempts of one award.
    public var issuerMaxBackoffSeconds: Int

    /// Every setting at its default.
    public init() {
        self = Self.defaults
    }

    private static let defaults = tableDefaults()

    init(unfilled: ()) {
        (listenHost, listenPort, stateDirectory, venueName, venueFile) = ("", 0, "", "", "")
        (codeLifetimeHours, claimHeadroomPercent, maxFailedCodeAttempts) = (0, 0, 0)
        (eventLoops, maxConnections, maxConnectionsPerAddress, retentionDays) = (0, 0, 0, 0)
        celebrateNames = false
        (issuerTimeoutSeconds, issuerConcurrency, issuerMaxBackoffSeconds) = (0, 0, 0)
    }

    /// Builds the service's settings from defaults, then the file, then `BADGEKIOSK_<KEY>` variables,
    /// then flags; the file's and the environment's front settings are checked too (see `KioskSettings.load`).
    ///
    /// - Parameters:
    ///   - path: the file to read; nil reads `BADGEKIOSK_CONFIG`, else `defaultPath` if it exists.
    ///   - environment: the process environment.
    ///   - overrides: settings from command-line flags, as `(key, value)`.
    public static func load(path: String?, environment: [String: String],
                            overrides: [(String, String)] = []) throws(ConfigError) -> ServiceConfiguration {
        try KioskSettings.load(path: path, environment: environment, overrides: overrides).service
    }

    /// The claim code policy these settings describe.
    public var codePolicy: CodePolicy {
        CodePolicy(lifetimeSeconds: Int64(codeLifetimeHours) * 3600, headroom: Double(claimHeadroomPercent) / 100)
    }

    /// `listen` as one value, so its table row can set host and port together.
    var listenAddress: (String, Int) {
        get { (listenHost, listenPort) }
        set { (listenHost, listenPort) = newValue }
    }

    /// Whether a `listen` host is this machine only: phones cannot reach it, and 127.0.0.1 is the truthful claim link.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host)
    }

    /// `0.0.0.0:8080`, `127.0.0.1:0`, `[::1]:8080`.
    public static func parseListen(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" || $0.isLetter || $0 == "-" }),
              let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        return (host, port)
    }
}
