import Foundation

/// `a=1&b=two` as sent in form bodies and query strings, decoded.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]
    /// Names in the order given, duplicates included, so repeats can be refused.
    private(set) var names: [String] = []

    init(_ text: String) {
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            names.append(name)
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
