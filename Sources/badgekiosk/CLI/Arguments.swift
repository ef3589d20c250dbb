/// The words after a command, taken one flag at a time; whatever is left over is an error.
struct Arguments {
    private var words: [String]
    /// The full command, e.g. `badgekiosk serve`, for messages.
    let command: String

    init(_ words: some Sequence<String>, command: String) {
        self.words = Array(words)
        self.command = command
    }

    /// True (and consumed) when `--name` is present.
    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(of: "--\(name)") else { return false }
        words.remove(at: index)
        return true
    }

    /// The value of `--name VALUE` or `--name=VALUE`, consumed; nil when absent.
    mutating func option(_ name: String) throws(UsageError) -> String? {
        let flag = "--\(name)"
        if let index = words.firstIndex(where: { $0.hasPrefix(flag + "=") }) {
            let value = String(words.remove(at: index).dropFirst(flag.count + 1))
            guard !value.isEmpty else { throw UsageError("\(flag) needs a value", command: command) }
            return value
        }
        guard let index = words.firstIndex(of: flag) else { return nil }
        guard index + 1 < words.count, !words[index + 1].hasPrefix("--") else {
            throw UsageError("\(flag) needs a value", command: command)
        }
        let value = words[index + 1]
        words.removeSubrange(index...index + 1)
        return value
    }

    /// A whole number option within `range`.
    mutating func number(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("--\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                             command: command)
        }
        return value
    }

    /// The next word that is not a flag, consumed.
    mutating func positional() -> String? {
        guard let index = words.firstIndex(where: { !$0.hasPrefix("--") }) else { return nil }
        return words.remove(at: index)
    }

    /// Refuses anything not consumed.
    func finish() throws(UsageError) {
        guard let extra = words.first else { return }
        let kind = extra.hasPrefix("-") ? "unknown option" : "unexpected argument"
        throw UsageError("\(kind) '\(extra)'", command: command)
    }
}
