/// Lets page code read like the page: `if`, `for` and plain strings (escaped) inside elements.
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ fragment: HTML) -> HTML { fragment }
    static func buildExpression(_ text: String) -> HTML { .text(text) }
    static func buildBlock(_ parts: HTML...) -> HTML { HTML(joining: parts) }
    static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    static func buildEither(first part: HTML) -> HTML { part }
    static func buildEither(second part: HTML) -> HTML { part }
    static func buildArray(_ parts: [HTML]) -> HTML { HTML(joining: parts) }
}
