/// Turns terminal input bytes into keys: UTF-8 text, control keys and the escape sequences of the
/// Linux console and of xterm-like emulators.
///
/// A lone ESC byte is ambiguous (the Escape key, or the start of a sequence still arriving), so it
/// is held back until more bytes come or the caller calls `flush()` after a short quiet moment.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// True when bytes are held back waiting to see whether they start a sequence.
    public var hasPending: Bool { !pending.isEmpty }

    /// The keys complete in what has arrived so far.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            guard let (key, length) = Self.decodeOne(pending[index...]) else { break }
            if let key { keys.append(key) }
            index += length
        }
        pending.removeFirst(index)
        return keys
    }

    /// Gives up waiting: whatever is held back becomes keys (a lone ESC is the Escape key).
    public mutating func flush() -> [Key] {
        var keys: [Key] = []
        while !pending.isEmpty {
            if pending[0] == 0x1B {
                keys.append(.escape)
                pending.removeFirst()
                keys += feed([])
            } else {
                // An incomplete UTF-8 sequence that will never finish.
                pending.removeFirst()
            }
        }
        return keys
    }

    /// The first key in `bytes` and how many bytes it used; nil when more bytes are needed.
    /// A nil key with a length skips bytes that mean nothing.
    static func decodeOne(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        let first = bytes[bytes.startIndex]
        switch first {
        case 0x1B: return decodeEscape(bytes)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x09: return (.tab, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x01...0x1A: return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x00, 0x1C...0x1F: return (nil, 1)
        case 0x20...0x7E: return (.character(Character(Unicode.Scalar(first))), 1)
        default: return decodeUTF8(bytes)
        }
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard bytes.count >= length else {
            // Wait for the rest, unless what is there already cannot be part of one character.
            let continuation = bytes.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
            return continuation ? nil : (nil, 1)
        }
        let sequence = bytes.prefix(length)
        guard let text = String(validating: sequence, as: UTF8.self), let scalar = text.unicodeScalars.first else {
            return (nil, 1)
        }
        return (.character(Character(scalar)), length)
    }

    private static func decodeEscape(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return nil }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["): return decodeCSI(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return nil }
            let keys: [UInt8: Key] = [
                UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2), UInt8(ascii: "R"): .function(3),
                UInt8(ascii: "S"): .function(4), UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down,
                UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left, UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end,
                UInt8(ascii: "M"): .enter,
            ]
            return (keys[bytes[start + 2]], 3)
        case 0x1B:
            // ESC ESC: the first is a plain Escape.
            return (.escape, 1)
        default:
            // Alt with a key: drop the ESC and keep the key, so Alt held by mistake changes nothing.
            return (nil, 1)
        }
    }

    /// `ESC [ params final`: arrows, Home/End, F-keys (`ESC [ 1 5 ~`), the Linux console's `ESC [ [ A`.
    private static func decodeCSI(_ bytes: ArraySlice<UInt8>) -> (Key?, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 3 else { return nil }
        if bytes[start + 2] == UInt8(ascii: "[") {
            guard bytes.count >= 4 else { return nil }
            let letter = bytes[start + 3]
            guard (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(letter) else { return (nil, 4) }
            return (.function(Int(letter - UInt8(ascii: "A")) + 1), 4)
        }
        var index = start + 2
        while index < bytes.endIndex, (0x30...0x3F).contains(bytes[index]) { index += 1 }
        guard index < bytes.endIndex else { return bytes.count > 16 ? (nil, bytes.count) : nil }
        let final = bytes[index]
        let length = index - start + 1
        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
            .split(separator: ";").map { Int($0) ?? 0 }
        switch final {
        case UInt8(ascii: "A"): return (.up, length)
        case UInt8(ascii: "B"): return (.down, length)
        case UInt8(ascii: "C"): return (.right, length)
        case UInt8(ascii: "D"): return (.left, length)
        case UInt8(ascii: "H"): return (.home, length)
        case UInt8(ascii: "F"): return (.end, length)
        case UInt8(ascii: "Z"): return (.backTab, length)
        case UInt8(ascii: "P"): return (.function(1), length)
        case UInt8(ascii: "Q"): return (.function(2), length)
        case UInt8(ascii: "R"): return (.function(3), length)
        case UInt8(ascii: "S"): return (.function(4), length)
        case UInt8(ascii: "~"): return (tildeKey(parameters.first ?? 0), length)
        default: return (nil, length)
        }
    }

    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: nil
        }
    }
}
