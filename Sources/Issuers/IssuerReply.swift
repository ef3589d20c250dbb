import Foundation
import HTTPCore

/// The issuer's answer to one request.
public struct IssuerReply: Sendable {
    public var status: Int
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as a JSON object, if it is one.
    public var object: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// A body of one JSON object per line (Open Badge Factory's list format); unreadable lines are skipped.
    public var lines: [[String: Any]] {
        String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Seconds from `Retry-After`, as a number of seconds or an HTTP date; nil when absent or unreadable.
    public var retryAfter: Double? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        return HTTPDate.parse(value).map { max(0, Double($0) - Date().timeIntervalSince1970) }
    }

    /// The issuer's clock when it answered, from its `Date` header (whole seconds since the epoch).
    public var issuerTime: Int64? {
        headers["date"].flatMap(HTTPDate.parse)
    }

    /// The issuer's own words for a refusal, short, from the usual error fields; else the status.
    public var reason: String {
        var parts: [String] = []
        if let object {
            for key in ["error_description", "message", "error", "detail"] {
                if let text = object[key] as? String, !text.isEmpty { parts.append(text); break }
            }
            if let status = object["status"] as? [String: Any], let text = status["description"] as? String, !text.isEmpty {
                parts.append(text)
            }
            if let errors = object["validationErrors"] as? [String] { parts += errors }
            if let fields = object["fieldErrors"] as? [String: Any] {
                for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                    let text = (value as? [String])?.joined(separator: " ") ?? "\(value)"
                    parts.append("\(field): \(text)")
                }
            }
        }
        let text = parts.isEmpty ? "HTTP \(status)" : "HTTP \(status): " + parts.joined(separator: "; ")
        return text.count > 300 ? String(text.prefix(297)) + "..." : text
    }
}
