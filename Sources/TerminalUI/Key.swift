/// One key press, decoded from the bytes a terminal sends.
public enum Key: Hashable, Sendable {
    case enter
    case escape
    case backspace
    case tab
    case backTab
    case up, down, left, right
    case home, end, insert, delete, pageUp, pageDown
    /// F1 to F12.
    case function(Int)
    /// Ctrl with a letter (`control("c")` for Ctrl-C), never sent for the keys above.
    case control(Character)
    /// Text: one character, which may be any script (`ë`, `О`, `م`).
    case character(Character)
}
