import Foundation

/// What points a child `badgekiosk serve` at the issuer simulator's Open Badge Factory client `demo`
/// (or its Badgr or Navigatr stand-in), with short timeouts and backoffs, so a test never waits on them.
public enum SimulatorSettings {
    /// The simulator's client secret, for `secretFile`.
    private static let secret = "demo-secret"

    /// Writes the client secret, readable by its owner only, to `path`.
    public static func writeSecret(to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data("\(secret)\n".utf8),
                                           attributes: [.posixPermissions: 0o600])
    }

    /// The settings for the simulator at `url` speaking `kind`, its secret in `secretFile`.
    public static func environment(url: String, secretFile: String, kind: String = "obf") -> [String: String] {
        ["BADGEKIOSK_ISSUER": kind, "BADGEKIOSK_ISSUER_URL": url, "BADGEKIOSK_ISSUER_CLIENT_ID": "demo",
         "BADGEKIOSK_ISSUER_CLIENT_SECRET_FILE": secretFile, "BADGEKIOSK_ISSUER_TIMEOUT_SECONDS": "1",
         "BADGEKIOSK_ISSUER_MAX_BACKOFF_SECONDS": "1"]
    }
}
