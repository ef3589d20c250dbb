/// A parsed `key = value` configuration file: comments with `#`, blank lines ignored, `[name]` headers
/// starting a part of the file.
public struct ConfigFile: Sendable, Equatable {
    /// One setting, the line it was on and the header it was under.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        public var line: Int
        /// The name of the `[name]` header above it; nil before the first header.
        public var section: String?
    }

    public var path: String
    public var entries: [Entry]

    /// Parses `text`; a line that is not `key = value` or a header from `sections`, or a key set twice,
    /// is an error naming the line.
    public init(path: String, text: String, sections: [String]) throws(ConfigError) {
        self.path = path
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var section: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let content = String(line).trimmingWhitespace()
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("["), content.hasSuffix("]") {
                let name = String(content.dropFirst().dropLast()).trimmingWhitespace()
                guard sections.contains(name) else {
                    throw ConfigError(source: path, line: number, key: content, problem: "not a section; expected "
                                      + sections.map { "[\($0)]" }.joined(separator: " or "))
                }
                section = name
                continue
            }
            guard let equals = content.firstIndex(of: "=") else {
                throw ConfigError(source: path, line: number, key: content,
                                  problem: "expected `key = value`")
            }
            let key = String(content[..<equals]).trimmingWhitespace()
            let value = Self.unquote(String(content[content.index(after: equals)...]).trimmingWhitespace())
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ConfigError(source: path, line: number, key: key.isEmpty ? "(empty)" : key,
                                  problem: "a key is letters, digits and underscores")
            }
            if let first = seen[key] {
                throw ConfigError(source: path, line: number, key: key, problem: "already set on line \(first)")
            }
            seen[key] = number
            entries.append(Entry(key: key, value: value, line: number, section: section))
        }
        self.entries = entries
    }

    /// `value` as a file line keeps it: in double quotes when `unquote` would change it or its spaces.
    static func quoted(_ value: String) -> String {
        !value.isEmpty && value.trimmingWhitespace() == value && unquote(value) == value ? value : "\"\(value)\""
    }

    /// Values may be written in double quotes to keep leading or trailing spaces or a `#`.
    static func unquote(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast())
        }
        if let hash = value.range(of: " #") {
            return String(value[..<hash.lowerBound]).trimmingWhitespace()
        }
        return value
    }
}
