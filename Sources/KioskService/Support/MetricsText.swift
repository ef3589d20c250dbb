/// Text in the Prometheus exposition format, version 0.0.4: each family's `# HELP` and `# TYPE`
/// lines, then its samples, with help text and label values escaped.
struct MetricsText {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    enum Kind: String {
        case counter, gauge
    }

    /// One sample of a family: its labels, in order, and its value.
    struct Sample {
        var labels: [(name: String, value: String)] = []
        var value: Double
    }

    private(set) var text = ""

    /// Adds a family with its samples; a family with none still says what it is.
    mutating func add(_ name: String, _ kind: Kind, help: String, _ samples: [Sample]) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
        for sample in samples {
            let labels = sample.labels.map { "\($0.name)=\"\(Self.escapeLabel($0.value))\"" }
            text += name + (labels.isEmpty ? "" : "{\(labels.joined(separator: ","))}") + " \(Self.format(sample.value))\n"
        }
    }

    /// Adds a family of one unlabelled sample.
    mutating func add(_ name: String, _ kind: Kind, help: String, value: Double) {
        add(name, kind, help: help, [Sample(value: value)])
    }

    /// Help text may hold anything but a raw backslash or line break.
    static func escapeHelp(_ text: String) -> String {
        text.replacingAll([("\\", "\\\\"), ("\n", "\\n")])
    }

    /// Label values also escape the double quote that ends them.
    static func escapeLabel(_ text: String) -> String {
        text.replacingAll([("\\", "\\\\"), ("\n", "\\n"), ("\"", "\\\"")])
    }

    /// Whole numbers without a fraction (`12`, not `12.0`); the special values as Prometheus spells them.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension String {
    /// Each scalar replaced by its escape in one pass, so an escape is never escaped again. Scalars,
    /// not characters: "\r\n" is one character, and its line feed must be escaped all the same.
    fileprivate func replacingAll(_ escapes: [(Unicode.Scalar, String)]) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let escape = escapes.first(where: { $0.0 == scalar }) {
                result += escape.1
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
