/// How a cell is drawn: colours and attributes that every Linux console supports.
public struct Style: Hashable, Sendable {
    /// The eight ANSI colours: the Linux console has exactly these as backgrounds.
    public enum Color: UInt8, Hashable, Sendable {
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's own colours.
    public static let plain = Style()
    public static let bold = Style(bold: true)
    /// Light on dark becomes dark on light: block letters and bars, with no colour needed.
    public static let reverse = Style(reverse: true)

    /// The SGR sequence that sets exactly this style from any previous one.
    var sgr: String {
        var codes = ["0"]
        if bold { codes.append("1") }
        if underline { codes.append("4") }
        if reverse { codes.append("7") }
        if let foreground { codes.append(String(30 + Int(foreground.rawValue))) }
        if let background { codes.append(String(40 + Int(background.rawValue))) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
