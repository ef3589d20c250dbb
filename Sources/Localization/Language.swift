import Foundation

/// A language the claim page and the front can speak.
public enum Language: String, CaseIterable, Sendable {
    case english = "en"
    case ukrainian = "uk"
    case polish = "pl"
    case arabic = "ar"

    /// The BCP 47 tag, for `lang` attributes and `Content-Language`.
    public var tag: String { rawValue }

    /// `rtl` for scripts written right to left.
    public var direction: String { self == .arabic ? "rtl" : "ltr" }

    /// The language's name in itself, for the language switch.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .ukrainian: "Українська"
        case .polish: "Polski"
        case .arabic: "العربية"
        }
    }

    /// Whether a Linux console font (Latin and Cyrillic glyphs only) can show it.
    public var consoleSafe: Bool { self != .arabic }

    /// The best language for an `Accept-Language` header (q-values honoured), English when none fits.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header else { return .english }
        var best: (language: Language, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = pieces.first, !range.isEmpty else { continue }
            let primary = range.split(separator: "-").first.map { $0.lowercased() } ?? ""
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0, let language = Language(rawValue: primary) else { continue }
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .english
    }
}
