/// Percent-encoding both ways: `application/x-www-form-urlencoded` as form bodies and query strings
/// carry it, and path segments (where `+` is itself). The one codec the service, the issuer adapters
/// and the simulator share.
public enum FormEncoding {
    /// Percent-encodes every byte but RFC 3986's unreserved ASCII, for form fields, query values and
    /// path segments alike. Byte by byte on purpose: CharacterSet would pull in Unicode tables for nothing.
    public static func encode(_ text: String) -> String {
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `name=value` pairs of a body or query, decoded, in order; a part whose bytes are not
    /// UTF-8 text decodes to nil, so callers can ask for it again rather than keep U+FFFD.
    public static func pairs(_ bytes: some Collection<UInt8>) -> [(name: String?, value: String?)] {
        Array(bytes).split(separator: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Percent-decodes one form name or value (`+` is a space); nil when the bytes are not UTF-8 text.
    /// A `%` not followed by two hex digits stays as it is.
    public static func decode(_ part: ArraySlice<UInt8>) -> String? {
        percentDecoded(part, plusIsSpace: true)
    }

    /// Percent-decodes one path segment (`+` stays `+`); nil when the bytes are not UTF-8 text.
    public static func decodePathSegment(_ segment: some StringProtocol) -> String? {
        percentDecoded(ArraySlice(segment.utf8), plusIsSpace: false)
    }

    private static func percentDecoded(_ part: ArraySlice<UInt8>, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.count)
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "+") && plusIsSpace {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < part.endIndex,
                      let high = ByteRules.hexValue(part[index + 1]), let low = ByteRules.hexValue(part[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
