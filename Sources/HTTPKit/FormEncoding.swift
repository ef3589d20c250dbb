/// `application/x-www-form-urlencoded`, as form bodies and query strings carry it.
public enum FormEncoding {
    /// The `name=value` pairs of a body or query, decoded, in order; a part whose bytes are not
    /// UTF-8 text decodes to nil, so callers can ask for it again rather than keep U+FFFD.
    public static func pairs(_ bytes: some Collection<UInt8>) -> [(name: String?, value: String?)] {
        Array(bytes).split(separator: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Percent-decodes one name or value (`+` is a space); nil when the bytes are not UTF-8 text.
    /// A `%` not followed by two hex digits stays as it is.
    public static func decode(_ part: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.count)
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < part.endIndex,
                      let high = hexValue(part[index + 1]), let low = hexValue(part[index + 2]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
