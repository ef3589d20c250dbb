/// A model of a terminal screen fed with what the front writes: cursor moves, clears, styles and text.
///
/// It understands the subset `DiffRenderer` and `Terminal` emit, which is enough to read the front's
/// screen from the outside (the end-to-end test and the benchmark run the real binary in a pty).
public struct ScreenReplica: Sendable {
    public private(set) var screen: CellBuffer
    private var cursor = (x: 0, y: 0)
    private var style = Style.plain
    private var pending: [UInt8] = []

    public init(size: TerminalSize) {
        screen = CellBuffer(size: size)
    }

    /// Applies output bytes; an escape sequence or character split across calls is completed later.
    public mutating func apply(_ bytes: some Sequence<UInt8>) {
        pending.append(contentsOf: bytes)
        var index = 0
        while index < pending.count {
            guard let used = step(at: index) else { break }
            index += used
        }
        pending.removeFirst(index)
    }

    /// The screen as plain text (see `CellBuffer.plainText`).
    public var text: String { screen.plainText }

    /// Handles the sequence or character at `index`; nil when it is not complete yet.
    private mutating func step(at index: Int) -> Int? {
        let byte = pending[index]
        switch byte {
        case 0x1B:
            guard index + 1 < pending.count else { return nil }
            guard pending[index + 1] == UInt8(ascii: "[") else { return 2 }
            var end = index + 2
            while end < pending.count, !(0x40...0x7E).contains(pending[end]) { end += 1 }
            guard end < pending.count else { return nil }
            control(final: pending[end], parameters: String(decoding: pending[(index + 2)..<end], as: UTF8.self))
            return end - index + 1
        case 0x0D:
            cursor.x = 0
            return 1
        case 0x0A:
            cursor.y = min(cursor.y + 1, screen.height - 1)
            return 1
        case 0x00...0x1F, 0x7F:
            return 1
        default:
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= pending.count else { return nil }
            let text = String(decoding: pending[index..<(index + length)], as: UTF8.self)
            if let character = text.first {
                screen[cursor.x, cursor.y] = Cell(character, style: style)
                cursor.x += 1
            }
            return length
        }
    }

    private mutating func control(final: UInt8, parameters: String) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch final {
        case UInt8(ascii: "H"):
            cursor = (max(1, numbers.count > 1 ? numbers[1] : 1) - 1, max(1, numbers.first ?? 1) - 1)
        case UInt8(ascii: "J") where numbers.first == 2:
            screen = CellBuffer(size: screen.size)
        case UInt8(ascii: "m"):
            for code in numbers.isEmpty ? [0] : numbers {
                switch code {
                case 0: style = .plain
                case 1: style.bold = true
                case 4: style.underline = true
                case 7: style.reverse = true
                case 30...37: style.foreground = Style.Color(rawValue: UInt8(code - 30))
                case 40...47: style.background = Style.Color(rawValue: UInt8(code - 40))
                default: break
                }
            }
        default:
            break
        }
    }
}
