import Issuers
import KioskCore

/// Everything `badgekiosk serve` can be told, with the defaults an appliance starts from.
public struct ServiceConfiguration: Sendable, Equatable {
    public static let defaultPath = "/etc/badgekiosk/badgekiosk.conf"

    public var listenHost = "0.0.0.0"
    public var listenPort = 8080
    public var stateDirectory = "/var/lib/badgekiosk"
    /// The address phones use to reach this kiosk; nil means `http://<first non-loopback IPv4>:<port>`.
    public var publicURL: String?
    /// Shown to learners ("You took part in … at <venue>").
    public var venueName = "our venue"
    public var codeLifetimeHours = 72
    public var claimHeadroomPercent = 20
    /// Failed code attempts one address may make in five minutes before it must wait.
    public var maxFailedCodeAttempts = 10
    public var eventLoops = 2
    public var maxConnections = 1024
    /// Connections one device's address may hold at once (a phone needs a handful).
    public var maxConnectionsPerAddress = 32
    /// The central issuer's API; nil forwards nothing (claims wait, queued, until one is set).
    public var issuer: IssuerKind?
    public var issuerURL: String?
    public var issuerClientID: String?
    /// A file holding only the client secret, readable by the service alone (never the secret itself).
    public var issuerClientSecretFile: String?
    /// A PEM file of certificate authorities to trust for the issuer instead of the system's.
    public var issuerCAFile: String?
    public var issuerTimeoutSeconds = 20
    public var issuerConcurrency = 4
    /// The longest wait between two attempts of one award.
    public var issuerMaxBackoffSeconds = 300
    /// Days names and emails are kept after the issuer confirmed every award of a claim.
    public var retentionDays = 30
    /// The terminal front's settings (the front reads this same file; the service ignores them).
    /// The volunteer PIN, 4 to 12 digits; unset, volunteer mode cannot be opened.
    public var frontPIN: String?
    /// `halfblock`, `blocks` or `auto` (ask the console font).
    public var frontQRStyle = "auto"
    /// Where the front finds the service; nil means this file's `listen` port on 127.0.0.1.
    public var frontServiceURL: String?

    public init() {}

    /// The claim code policy these settings describe.
    public var codePolicy: CodePolicy {
        CodePolicy(lifetimeSeconds: Int64(codeLifetimeHours) * 3600, headroom: Double(claimHeadroomPercent) / 100)
    }

    /// The setting for `key` from text, or a plain sentence saying what is wrong.
    mutating func set(_ key: String, to value: String) -> String? {
        switch key {
        case "listen":
            guard let (host, port) = Self.parseListen(value) else { return "expected HOST:PORT, e.g. 0.0.0.0:8080" }
            (listenHost, listenPort) = (host, port)
        case "state_dir":
            guard value.hasPrefix("/") || value.hasPrefix(".") else { return "expected a folder path" }
            stateDirectory = value
        case "public_url":
            guard value.hasPrefix("http://") || value.hasPrefix("https://"), value.count > 8,
                  !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
                return "expected an address starting with http:// or https://"
            }
            publicURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        case "venue_name":
            guard !value.isEmpty, value.count <= 100 else { return "expected a name of 1 to 100 characters" }
            venueName = value
        case "code_lifetime_hours":
            return Self.number(value, in: 1...24 * 365) { codeLifetimeHours = $0 }
        case "claim_headroom_percent":
            return Self.number(value, in: 0...1000) { claimHeadroomPercent = $0 }
        case "max_failed_code_attempts":
            return Self.number(value, in: 1...10_000) { maxFailedCodeAttempts = $0 }
        case "event_loops":
            return Self.number(value, in: 1...64) { eventLoops = $0 }
        case "max_connections":
            return Self.number(value, in: 16...65_536) { maxConnections = $0 }
        case "max_connections_per_address":
            return Self.number(value, in: 4...65_536) { maxConnectionsPerAddress = $0 }
        case "issuer":
            guard let kind = IssuerKind(rawValue: value.lowercased()) else {
                return "expected " + IssuerKind.allCases.map(\.rawValue).joined(separator: ", ")
            }
            issuer = kind
        case "issuer_url":
            if let problem = IssuerSettings.problem(withURL: value) { return problem }
            issuerURL = value
        case "issuer_client_id":
            guard !value.isEmpty, value.count <= 200, !value.contains(where: \.isWhitespace) else {
                return "expected the client id the issuer gave you (no spaces)"
            }
            issuerClientID = value
        case "issuer_client_secret_file":
            guard value.hasPrefix("/") || value.hasPrefix(".") else { return "expected the path of a file holding the secret" }
            issuerClientSecretFile = value
        case "issuer_ca_file":
            guard value.hasPrefix("/") || value.hasPrefix(".") else { return "expected the path of a PEM file of certificates" }
            issuerCAFile = value
        case "issuer_timeout_seconds":
            return Self.number(value, in: 1...600) { issuerTimeoutSeconds = $0 }
        case "issuer_concurrency":
            return Self.number(value, in: 1...32) { issuerConcurrency = $0 }
        case "issuer_max_backoff_seconds":
            return Self.number(value, in: 1...3600) { issuerMaxBackoffSeconds = $0 }
        case "retention_days":
            return Self.number(value, in: 1...3650) { retentionDays = $0 }
        case "pin":
            guard (4...12).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return "expected 4 to 12 digits"
            }
            frontPIN = value
        case "qr_style":
            guard ["halfblock", "blocks", "auto"].contains(value) else { return "expected halfblock, blocks or auto" }
            frontQRStyle = value
        case "service_url":
            guard value.hasPrefix("http://"), value.count > 7, !value.contains(" ") else {
                return "expected the service's address, e.g. http://127.0.0.1:8080"
            }
            frontServiceURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        default:
            return "unknown setting (known: \(Self.keys.joined(separator: ", ")))"
        }
        return nil
    }

    /// Every key a configuration file may set.
    public static let keys = [
        "listen", "state_dir", "public_url", "venue_name", "code_lifetime_hours", "claim_headroom_percent",
        "max_failed_code_attempts", "event_loops", "max_connections", "max_connections_per_address",
        "issuer", "issuer_url", "issuer_client_id", "issuer_client_secret_file", "issuer_ca_file", "issuer_timeout_seconds",
        "issuer_concurrency", "issuer_max_backoff_seconds", "retention_days",
        "pin", "qr_style", "service_url",
    ]

    private static func number(_ text: String, in range: ClosedRange<Int>, apply: (Int) -> Void) -> String? {
        guard let value = Int(text), range.contains(value) else {
            return "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
        }
        apply(value)
        return nil
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
