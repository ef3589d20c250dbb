import HTTPKit

/// The one line per request the service writes to stderr: method, path, status, milliseconds.
///
/// Claim tokens are secrets, so `/c/<token>` is logged as `/c/…`; bodies and queries (which may
/// hold emails) are never logged at all.
public enum RequestLog {
    public static func line(for entry: HTTPLogEntry) -> String {
        let milliseconds = (entry.durationMs * 10).rounded() / 10
        return "\(entry.method) \(redact(entry.path)) \(entry.status) \(milliseconds)ms"
    }

    /// The path with any claim token replaced by `…`.
    public static func redact(_ path: String) -> String {
        guard path.hasPrefix("/c/") else { return sanitize(path) }
        let rest = path.dropFirst(3)
        let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        return "/c/…" + sanitize(tail)
    }

    /// Keeps a hostile path from forging extra log lines or terminal escapes.
    static func sanitize(_ text: String) -> String {
        let limited = text.utf8.count > 200 ? String(text.prefix(200)) + "…" : text
        return String(limited.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
