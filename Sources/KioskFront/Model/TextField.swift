import KioskCore
import TerminalUI

/// A one-line text input: typing, Backspace and Delete, the cursor keys, a key that clears it, a
/// length limit and a filter on what may be typed.
struct TextField: Equatable, Sendable {
    /// What a field accepts.
    enum Filter: Equatable, Sendable {
        /// Any printable character (names in any script).
        case text
        /// No spaces (email addresses).
        case noSpaces
        /// Digits only (PINs, numbers).
        case digits
        /// Short-code letters and digits, turned to capitals; look-alikes (O, I, L, 0, 1) are refused.
        case code
    }

    private(set) var characters: [Character] = []
    private(set) var cursor = 0
    let filter: Filter
    let maxLength: Int

    init(_ filter: Filter, maxLength: Int, text: String = "") {
        self.filter = filter
        self.maxLength = maxLength
        characters = Array(text.prefix(maxLength))
        cursor = characters.count
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    /// What an editing key did.
    enum Edit: Equatable, Sendable {
        /// The text or the cursor changed (or the key was one the field uses, at an end).
        case edited
        /// A character this field never holds (a space in an email, an O in a code): the learner is told, not ignored.
        case refused(Character)
        /// Not a key a text field uses.
        case notEditing
    }

    /// The keys that empty the field at once: F4, shown on the screen, and Ctrl+U, as in a shell.
    static let clearKeys: Set<Key> = [.function(4), .control("u")]

    /// Applies an editing key.
    mutating func handle(_ key: Key) -> Edit {
        if Self.clearKeys.contains(key) {
            characters.removeAll()
            cursor = 0
            return .edited
        }
        switch key {
        case .character(let character):
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .edited }
            guard let accepted = accept(character) else { return .refused(character) }
            guard characters.count < maxLength else { return .edited }
            characters.insert(accepted, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return .edited }
            cursor -= 1
            characters.remove(at: cursor)
        case .delete:
            guard cursor < characters.count else { return .edited }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return .notEditing
        }
        return .edited
    }

    private func accept(_ character: Character) -> Character? {
        switch filter {
        case .text: return character
        case .noSpaces: return character.isWhitespace ? nil : character
        case .digits: return character.isASCII && character.isNumber ? character : nil
        case .code:
            if character == "-" || character == " " { return "-" }
            let upper = Character(character.uppercased())
            return Self.codeAlphabet.contains(upper) ? upper : nil
        }
    }

    private static let codeAlphabet = Set(ShortCode.alphabet)
}
