import HTTPKit
import KioskCore

/// The one line per request the service writes to stderr: method, path, status, milliseconds.
///
/// Claim tokens and the codes that add an email later are secrets, so `/c/<token>` is logged as
/// `/c/…` and `/e/<code>` as `/e/…`; bodies and queries (which may
/// hold emails) are never logged at all. What a client sent goes through `LogText`, so a hostile
/// path cannot forge extra log lines or terminal escapes.
public enum RequestLog {
    /// Path characters kept in a line; a longer path is cut.
    static let maxPathScalars = 200

    public static func line(for entry: HTTPLogEntry) -> String {
        let milliseconds = (entry.durationMs * 10).rounded() / 10
        return "\(LogText.sanitize(entry.method, limit: 20)) \(redact(entry.path)) \(entry.status) \(milliseconds)ms"
    }

    /// The paths whose first segment after them is a secret.
    static let secretPrefixes = ["/c/", "/e/"]

    /// The path with any claim token or later-email code replaced by `…`.
    public static func redact(_ path: String) -> String {
        guard let prefix = secretPrefixes.first(where: path.hasPrefix) else {
            return LogText.sanitize(path, limit: maxPathScalars)
        }
        let rest = path.dropFirst(prefix.count)
        let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        return prefix + "…" + LogText.sanitize(tail, limit: maxPathScalars)
    }
}
