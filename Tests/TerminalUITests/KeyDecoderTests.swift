import Testing
@testable import TerminalUI

@Suite("Key decoding")
struct KeyDecoderTests {
    static func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes) + decoder.flush()
    }

    static func decode(_ text: String) -> [Key] {
        decode(Array(text.utf8))
    }

    @Test(arguments: [
        ("\r", Key.enter), ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{08}", .backspace),
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}[1;5C", .right), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home),
        ("\u{1B}[4~", .end), ("\u{1B}OH", .home), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[Z", .backTab),
        ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}[[B", .function(2)), ("\u{1B}[[E", .function(5)),
        ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[21~", .function(10)),
        ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)), ("\u{03}", .control("c")),
    ] as [(String, Key)])
    func decodesOneKey(bytes: String, key: Key) {
        #expect(Self.decode(bytes) == [key])
    }

    @Test(arguments: ["Zoë", "Олена", "محمد", "Zoe\u{0308}"])
    func decodesTextInAnyScript(name: String) {
        let keys = Self.decode(name)
        let text = String(keys.compactMap { if case .character(let c) = $0 { c } else { nil } })
        #expect(text == name)
    }

    @Test func loneEscapeWaitsForFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPending)
    }

    @Test func sequencesSplitAcrossReadsAreJoined() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, UInt8(ascii: "[")]).isEmpty)
        #expect(decoder.feed(Array("15~".utf8)) == [.function(5)])
        let o = Array("Олена".utf8)
        #expect(decoder.feed(o[..<3]) == [.character("О")])
        #expect(decoder.feed(o[3...]) == [.character("л"), .character("е"), .character("н"), .character("а")])
    }

    @Test func escapeFollowedByKeysInOneRead() {
        #expect(Self.decode("\u{1B}\u{1B}[A") == [.escape, .up])
        #expect(Self.decode("ab\r\u{1B}[B") == [.character("a"), .character("b"), .enter, .down])
    }

    @Test func malformedBytesAreDropped() {
        #expect(Self.decode([0xFF, UInt8(ascii: "a"), 0xC3]) == [.character("a")])
    }
}
