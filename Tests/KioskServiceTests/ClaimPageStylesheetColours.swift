import Foundation

/// Reads the stylesheet's `color`/`background` pairs (a rule without a background sits on white).
enum StylesheetColours {
    struct Pair {
        var rule: String
        var foreground: String
        var background: String
        var ratio: Double
    }

    static func pairs(in css: String) throws -> [Pair] {
        var pairs: [Pair] = []
        for rule in css.split(separator: "}") {
            let parts = rule.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let declarations = parts[1].split(separator: ";").map { $0.split(separator: ":", maxSplits: 1) }
            func value(_ name: String) -> String? {
                declarations.first { $0.count == 2 && $0[0] == name }.map { String($0[1]) }
            }
            guard let foreground = value("color") else { continue }
            let background = value("background") ?? "#ffffff"
            let ratio = try contrast(foreground, background)
            pairs.append(Pair(rule: String(parts[0]), foreground: foreground, background: background, ratio: ratio))
        }
        return pairs
    }

    /// WCAG 2 contrast ratio of two `#rrggbb` colours.
    static func contrast(_ first: String, _ second: String) throws -> Double {
        let (a, b) = (try luminance(first), try luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static func luminance(_ hex: String) throws -> Double {
        let digits = hex.dropFirst()
        guard hex.hasPrefix("#"), digits.count == 6, let value = Int(digits, radix: 16) else {
            throw CSSColourError(text: hex)
        }
        let channels = [value >> 16, value >> 8 & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    struct CSSColourError: Error {
        var text: String
    }
}
