import Foundation
import TestSupport

/// A strict reader of the Prometheus text format (0.0.4) for tests: the problems it finds, and the
/// samples by their series (`name{label="value"}` as written).
struct ExpositionCheck {
    private(set) var problems: [String] = []
    private(set) var samples: [String: Double] = [:]
    private(set) var types: [String: String] = [:]
    private var helped: Set<String> = []

    init(_ text: String) {
        if !text.hasSuffix("\n") { problems.append("the text does not end with a line break") }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            read(String(line))
        }
    }

    /// `promtool check metrics` on `text`, when promtool is installed: its exit status and what it said.
    static func promtool(_ text: String) throws -> (status: Int32, output: String)? {
        guard let path = promtoolPath else { return nil }
        let ran = try BuiltBinary.runTool(path, ["check", "metrics"], input: text)
        return (ran.status, ran.out + ran.err)
    }

    static var promtoolPath: String? {
        ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func isName(_ text: Substring, colons: Bool = true) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        let start = { (c: Unicode.Scalar) in (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || (colons && c == ":") }
        return start(first) && text.unicodeScalars.allSatisfy { start($0) || ($0 >= "0" && $0 <= "9") }
    }

    private mutating func read(_ line: String) {
        if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
            let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            if !Self.isName(parts[0]) { problems.append("bad metric name \(name)") }
            if line.hasPrefix("# HELP ") {
                if parts.count < 2 || parts[1].isEmpty { problems.append("\(name) has empty help") }
                if !helped.insert(name).inserted { problems.append("\(name) has two HELP lines") }
            } else {
                let type = parts.count > 1 ? String(parts[1]) : ""
                if !["counter", "gauge", "untyped", "summary", "histogram"].contains(type) { problems.append("\(name) has type \(type)") }
                if types.updateValue(type, forKey: name) != nil { problems.append("\(name) has two TYPE lines") }
                if type == "counter" && !name.hasSuffix("_total") { problems.append("counter \(name) does not end _total") }
            }
            return
        }
        if line.hasPrefix("#") || line.isEmpty {
            problems.append("unexpected line: \(line)")
            return
        }
        readSample(line)
    }

    private mutating func readSample(_ line: String) {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] != "{", scalars[index] != " " { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[..<index]))
        guard Self.isName(Substring(name)) else { return problems.append("bad sample name in: \(line)") }
        if helped.contains(name) == false || types[name] == nil { problems.append("\(name) has a sample before its HELP and TYPE") }
        if index < scalars.count, scalars[index] == "{" {
            index += 1
            while index < scalars.count, scalars[index] != "}" {
                let nameStart = index
                while index < scalars.count, scalars[index] != "=" { index += 1 }
                let label = String(String.UnicodeScalarView(scalars[nameStart..<index]))
                if !Self.isName(Substring(label), colons: false) { problems.append("bad label name \(label) in: \(line)") }
                index += 1
                guard index < scalars.count, scalars[index] == "\"" else { return problems.append("unquoted label in: \(line)") }
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\" {
                        index += 1
                        guard index < scalars.count, ["\\", "\"", "n"].contains(scalars[index]) else {
                            return problems.append("bad escape in: \(line)")
                        }
                    }
                    index += 1
                }
                guard index < scalars.count else { return problems.append("unterminated label value in: \(line)") }
                index += 1
                if index < scalars.count, scalars[index] == "," { index += 1 }
            }
            guard index < scalars.count else { return problems.append("unterminated labels in: \(line)") }
            index += 1
        }
        let series = String(String.UnicodeScalarView(scalars[..<index]))
        let rest = String(String.UnicodeScalarView(scalars[index...]))
        guard rest.hasPrefix(" "), let value = Self.value(String(rest.dropFirst())) else {
            return problems.append("bad value in: \(line)")
        }
        if samples.updateValue(value, forKey: series) != nil { problems.append("\(series) appears twice") }
    }

    private static func value(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(text)
        }
    }
}
