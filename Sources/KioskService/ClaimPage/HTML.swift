/// A fragment of HTML that is safe by construction: text and attribute values are always escaped.
///
/// Tag and attribute names are `StaticString`s, so only literals written in this module can
/// become markup; every `String` that reaches a page (a learner's name, a badge description, a
/// translation) goes through `escape`. The one unescaped input is the stylesheet, also a literal.
struct HTML: Sendable, Equatable {
    /// The serialized markup.
    private(set) var markup: String

    private init(markup: String) {
        self.markup = markup
    }

    static let empty = HTML(markup: "")

    /// Text content, escaped.
    static func text(_ text: String) -> HTML {
        HTML(markup: escape(text))
    }

    /// Several fragments one after another.
    init(joining parts: [HTML]) {
        markup = parts.reduce(into: "") { $0 += $1.markup }
    }

    /// An element with content. An attribute whose value is nil is left out; an empty value is
    /// written bare (`novalidate`).
    static func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:],
                        @HTMLBuilder content: () -> HTML) -> HTML {
        var markup = open(name, attributes)
        markup += content().markup
        markup += "</\(name)>"
        return HTML(markup: markup)
    }

    /// A void element (`input`, `meta`), which has no content and no end tag.
    static func void(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) -> HTML {
        HTML(markup: open(name, attributes))
    }

    /// A whole document: the doctype, then `root`.
    static func document(_ root: HTML) -> HTML {
        HTML(markup: "<!DOCTYPE html>\n" + root.markup)
    }

    /// A `<style>` element holding a stylesheet written in this module.
    static func style(_ css: StaticString) -> HTML {
        HTML(markup: "<style>\(css)</style>")
    }

    private static func open(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?>) -> String {
        var markup = "<\(name)"
        for (attribute, value) in attributes {
            guard let value else { continue }
            markup += " \(attribute)"
            if !value.isEmpty { markup += "=\"\(escape(value))\"" }
        }
        return markup + ">"
    }

    /// Escapes the five characters that can end text or a quoted attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
