import HTTPKit
import KioskCore

/// The one line per request the service writes to stderr: method, path, status, milliseconds.
///
/// Claim tokens are secrets, so `/c/<token>` is logged as `/c/…`; bodies and queries (which may
/// hold emails) are never logged at all. What a client sent goes through `LogText`, so a hostile
/// path cannot forge extra log lines or terminal escapes.
public enum RequestLog {
    /// Path characters kept in a line; a longer path is cut.
    static let maxPathScalars = 200

    public static func line(for entry: HTTPLogEntry) -> String {
        let milliseconds = (entry.durationMs * 10).rounded() / 10
        return "\(LogText.sanitize(entry.method, limit: 20)) \(redact(entry.path)) \(entry.status) \(milliseconds)ms"
    }

    /// The path with any claim token replaced by `…`.
    public static func redact(_ path: String) -> String {
        guard path.hasPrefix("/c/") else { return LogText.sanitize(path, limit: maxPathScalars) }
        let rest = path.dropFirst(3)
        let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        return "/c/…" + LogText.sanitize(tail, limit: maxPathScalars)
    }
}
