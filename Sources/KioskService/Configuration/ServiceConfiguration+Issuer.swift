@preconcurrency import Glibc
import Issuers
import KioskCore
import Posix

extension ServiceConfiguration {
    /// Where problems with issuer settings that span several keys are reported from.
    static let issuerSource = "configuration"

    /// The issuer to forward to, with its client secret read from `issuer_client_secret_file`;
    /// nil when no `issuer` is set. A half-made setting (an issuer but no address, an unreadable
    /// or world-readable secret file) is a configuration error naming the key.
    ///
    /// For Navigatr the secret file holds a personal access token, and `issuer_client_id` is the
    /// provider's id, needed only to list its badges (without it, badges are added by id).
    public func issuerSettings() throws(ConfigError) -> IssuerSettings? {
        guard let issuer else { return nil }
        guard let issuerURL else {
            throw ConfigError(source: Self.issuerSource, key: "issuer_url", problem: "is needed when issuer is set")
        }
        guard let clientID = issuerClientID ?? (issuer == .navigatr ? "" : nil) else {
            throw ConfigError(source: Self.issuerSource, key: "issuer_client_id", problem: "is needed when issuer is set")
        }
        guard let path = issuerClientSecretFile else {
            let holding = issuer == .navigatr ? "your Navigatr personal access token" : "the secret"
            throw ConfigError(source: Self.issuerSource, key: "issuer_client_secret_file",
                              problem: "is needed when issuer is set (a file holding only \(holding))")
        }
        let secret = try Self.readSecret(path)
        return IssuerSettings(kind: issuer, baseURL: issuerURL, clientID: clientID, clientSecret: secret,
                              timeoutSeconds: Double(issuerTimeoutSeconds), venueName: venueName, caFile: issuerCAFile)
    }

    /// The forwarder's pace and patience from these settings.
    public var forwarderSettings: ForwarderSettings {
        ForwarderSettings(concurrency: issuerConcurrency, backoff: Backoff(base: 0.5, cap: Double(issuerMaxBackoffSeconds)),
                          retentionDays: retentionDays, recoveryDelay: Double(issuerTimeoutSeconds))
    }

    /// The acceptance checks' pace (docs/ARCHITECTURE.md §4.9): the defaults, paused no longer than the
    /// forwarder ever pauses (`issuer_max_backoff_seconds`).
    public var acceptanceSettings: AcceptanceSettings {
        AcceptanceSettings(backoff: Backoff(base: 2, cap: Double(max(issuerMaxBackoffSeconds, 2))))
    }

    /// The secret, trimmed; the file must not be readable by other users.
    private static func readSecret(_ path: String) throws(ConfigError) -> String {
        var info = stat()
        if case let .failure(error) = systemCall("stat \(path)", { stat(path, &info) }) {
            throw ConfigError(source: path, key: "issuer_client_secret_file", problem: "cannot be read (\(error))")
        }
        guard info.st_mode & S_IROTH == 0 else {
            throw ConfigError(source: path, key: "issuer_client_secret_file",
                              problem: "is readable by every user; make it private (chmod 600)")
        }
        switch FileDescriptor.readFile(path, limit: 4096) {
        case let .failure(error):
            throw ConfigError(source: path, key: "issuer_client_secret_file", problem: "cannot be read (\(error))")
        case let .success(bytes):
            let secret = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            guard !secret.isEmpty else {
                throw ConfigError(source: path, key: "issuer_client_secret_file", problem: "is empty")
            }
            return secret
        }
    }
}
