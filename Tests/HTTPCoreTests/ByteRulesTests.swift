@testable import HTTPCore
import Testing

@Suite("Byte rules and percent-decoding")
struct ByteRulesTests {
    @Test func findSeesEveryOffsetAndNothingOutsideItsRange() {
        // Long enough for the eight-bytes-at-a-time scan and its byte-by-byte tail.
        for length in [1, 7, 8, 9, 16, 23, 40] {
            for hit in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[hit] = ByteRules.lf
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(ByteRules.find(ByteRules.lf, in: buffer, from: 0, to: length) == hit)
                    #expect(ByteRules.find(ByteRules.lf, in: buffer, from: hit, to: length) == hit)
                    #expect(ByteRules.find(ByteRules.lf, in: buffer, from: hit + 1, to: length) == nil)
                    #expect(ByteRules.find(ByteRules.lf, in: buffer, from: 0, to: hit) == nil)
                }
            }
        }
        // Bytes just above and below the one sought, and high bytes, never match it.
        let near: [UInt8] = [0x09, 0x0B, 0x8A, 0xFF, 0x00, 0x0A]
        near.withUnsafeBufferPointer { #expect(ByteRules.find(0x0A, in: $0, from: 0, to: near.count) == 5) }
        let zeros = [UInt8](repeating: 0x80, count: 12) + [0]
        zeros.withUnsafeBufferPointer { #expect(ByteRules.find(0, in: $0, from: 0, to: zeros.count) == 12) }
    }

    @Test func hexDigitsInEitherCase() {
        #expect(ByteRules.hexValue(UInt8(ascii: "0")) == 0)
        #expect(ByteRules.hexValue(UInt8(ascii: "9")) == 9)
        #expect(ByteRules.hexValue(UInt8(ascii: "a")) == 10)
        #expect(ByteRules.hexValue(UInt8(ascii: "F")) == 15)
        #expect(ByteRules.hexValue(UInt8(ascii: "g")) == nil)
        #expect(ByteRules.hexValue(UInt8(ascii: "/")) == nil)
    }

    @Test func formPartsAndPathSegmentsDecodeWithOneDecoder() {
        let pairs = FormEncoding.pairs(Array("name=Am%C4%ABra+O%27Neil&bad=%zz%4&raw=%80&flag".utf8))
        #expect(pairs.map(\.name) == ["name", "bad", "raw", "flag"])
        #expect(pairs.map(\.value) == ["Amīra O'Neil", "%zz%4", nil, ""])
        #expect(FormEncoding.decodePathSegment("a%20b+c") == "a b+c")
        #expect(FormEncoding.decodePathSegment("%E2%9C%93") == "✓")
        #expect(FormEncoding.decodePathSegment("%C0%AF") == nil)
        #expect(FormEncoding.decodePathSegment("50%") == "50%")
    }

    @Test func encodingKeepsOnlyUnreservedBytesAndDecodesBack() {
        #expect(FormEncoding.encode("a b&c=d/é+~_.-") == "a%20b%26c%3Dd%2F%C3%A9%2B~_.-")
        for text in ["Amīra O'Neil", "a+b@example.org", "100%", "🎉 x=y&z"] {
            #expect(FormEncoding.pairs(Array("k=\(FormEncoding.encode(text))".utf8)).first?.value == text)
            #expect(FormEncoding.decodePathSegment(FormEncoding.encode(text)) == text)
        }
    }
}
