import Foundation

/// How to reach and sign in to the central issuer. Holds the client secret: never print or log it.
public struct IssuerSettings: Sendable {
    public var kind: IssuerKind
    /// The API's base address without a trailing slash, e.g. `https://openbadgefactory.com`.
    public var baseURL: String
    public var clientID: String
    public var clientSecret: String
    /// Seconds a request may go without progress before it counts as timed out (ambiguous).
    public var timeoutSeconds: Double
    /// Shown in the issuer's log entry for each award.
    public var venueName: String
    /// Token requests are spaced at least this far apart (seconds), whatever goes wrong.
    public var minTokenInterval: Double
    /// A PEM file of certificate authorities to trust for https instead of the system's (a venue's
    /// TLS-inspecting proxy, a test CA); nil for the system's.
    public var caFile: String?

    public init(kind: IssuerKind, baseURL: String, clientID: String, clientSecret: String,
                timeoutSeconds: Double = 20, venueName: String = "", minTokenInterval: Double = 10,
                caFile: String? = nil) {
        self.kind = kind
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.timeoutSeconds = timeoutSeconds
        self.venueName = venueName
        self.minTokenInterval = minTokenInterval
        self.caFile = caFile
    }

    /// A plain-words problem with `baseURL`, or nil when it is usable.
    ///
    /// Plain http is allowed only to this machine (the simulator, a local proxy): anywhere else the
    /// client secret and learners' emails would cross the network in clear text.
    public static func problem(withURL text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return "expected an address such as https://openbadgefactory.com"
        }
        switch scheme {
        case "https": return nil
        case "http" where ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()): return nil
        case "http": return "plain http is allowed only to this machine (127.0.0.1); use https://"
        default: return "expected an address starting with https://"
        }
    }
}
