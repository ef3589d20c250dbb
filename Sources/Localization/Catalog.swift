import Foundation

/// The words of the claim page and the front in one language, looked up by key.
///
/// Text lives in tables, one file per part and language (`PageText+en.swift`, `FrontText+uk.swift`, …),
/// never in code. A key missing from a translation falls back to English, so a half-translated
/// catalogue still shows every screen.
public struct Catalog: Sendable {
    public let language: Language
    private let entries: [String: String]
    private let fallback: [String: String]

    public init(_ language: Language) {
        self.language = language
        entries = Tables.merged(for: language)
        fallback = language == .english ? [:] : Tables.merged(for: .english)
    }

    /// The text for `key`, with each `{name}` replaced from `values`.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = entries[key] ?? fallback[key] ?? key
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// Every key this language has its own text for (for checks that translations are complete).
    public var keys: Set<String> { Set(entries.keys) }
}
