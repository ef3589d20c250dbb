import HTTPCore

/// `a=1&b=two` as sent in form bodies and query strings, decoded.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]
    /// Names in the order given, duplicates included, so repeats can be refused.
    private(set) var names: [String] = []

    init(_ text: String) {
        for (name, value) in FormEncoding.pairs(text.utf8) {
            let name = name ?? ""
            names.append(name)
            values[name] = value ?? ""
        }
    }

    subscript(name: String) -> String? { values[name] }
}
