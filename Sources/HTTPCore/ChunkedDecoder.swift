/// Decodes a chunked body incrementally: sizes, extensions (counted, not stored), data, trailers (counted, discarded).
///
/// Chunk extensions count against the body limit and trailer fields against what the head left of
/// the header limits, so framing cannot carry more than the limits allow for the data itself.
struct ChunkedDecoder {
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    /// Longest chunk-size line accepted, CRLF excluded.
    static let maxSizeLine = 4096

    private var state = State.size
    /// Data and extension bytes so far, held to `maxBody`.
    private(set) var counted = 0
    private var trailerBytes = 0
    private var trailerFields = 0
    let maxBody: Int
    /// What the head left of the header byte and field limits.
    let maxTrailerBytes: Int
    let maxTrailerFields: Int

    init(maxBody: Int, maxTrailerBytes: Int, maxTrailerFields: Int) {
        self.maxBody = maxBody
        self.maxTrailerBytes = maxTrailerBytes
        self.maxTrailerFields = maxTrailerFields
    }

    var isDone: Bool {
        if case .done = state { return true }
        return false
    }

    /// Consumes what it can of `bytes[from..<to]`, appending data to `body`; returns the new start.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into body: inout [UInt8]) throws(HTTPParseError) -> Int {
        var position = from
        while position < to {
            switch state {
            case .size:
                guard let newline = ByteRules.find(ByteRules.lf, in: bytes, from: position, to: to) else {
                    // What has arrived may end with the line's CR, which the limit does not count.
                    if to - position > Self.maxSizeLine + 1 { throw .bad("Chunk size line is too long.") }
                    return position
                }
                guard newline > position, bytes[newline - 1] == ByteRules.cr else {
                    throw .bad("Chunk size line must end with CRLF.")
                }
                if newline - 1 - position > Self.maxSizeLine { throw .bad("Chunk size line is too long.") }
                let (size, digitsEnd) = try Self.chunkSize(bytes, position..<(newline - 1))
                let extensionBytes = newline - 1 - digitsEnd
                if size > maxBody - counted || extensionBytes > maxBody - counted - size {
                    throw HTTPParseError(status: .payloadTooLarge, message: "Request body is larger than \(maxBody) bytes.")
                }
                counted += size + extensionBytes
                state = size == 0 ? .trailer : .data(remaining: size)
                position = newline + 1
            case .data(let remaining):
                let take = min(remaining, to - position)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<(position + take)]))
                position += take
                state = remaining == take ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                if bytes[position] != ByteRules.cr { throw .bad("Chunk data must be followed by CRLF.") }
                guard position + 1 < to else { return position }
                if bytes[position + 1] != ByteRules.lf { throw .bad("Chunk data must be followed by CRLF.") }
                position += 2
                state = .size
            case .trailer:
                guard let newline = ByteRules.find(ByteRules.lf, in: bytes, from: position, to: to) else {
                    // Only the closing empty line may still fit in one byte: a field line needs its LF too.
                    let partial = to - position
                    if partial > 1 && partial >= maxTrailerBytes - trailerBytes { throw Self.trailersTooLarge() }
                    return position
                }
                guard newline > position, bytes[newline - 1] == ByteRules.cr else {
                    throw .bad("Trailer lines must end with CRLF.")
                }
                if newline - position == 1 {
                    state = .done
                } else {
                    trailerBytes += newline + 1 - position
                    trailerFields += 1
                    if trailerBytes > maxTrailerBytes || trailerFields > maxTrailerFields { throw Self.trailersTooLarge() }
                }
                position = newline + 1
            case .done:
                return position
            }
        }
        return position
    }

    /// chunk-size [ chunk-ext ]: 1–16 hex digits, then nothing or whitespace/';' and extensions.
    /// Returns the size and where its digits end (the extensions, if any, start there).
    private static func chunkSize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(HTTPParseError) -> (Int, Int) {
        var value: UInt64 = 0
        var digits = 0
        var index = range.lowerBound
        while index < range.upperBound, let digit = ByteRules.hexValue(bytes[index]) {
            digits += 1
            if digits > 16 { throw .bad("Chunk size is too large.") }
            value = value << 4 | UInt64(digit)
            index += 1
        }
        guard digits > 0 else { throw .bad("Chunk size is not a hexadecimal number.") }
        if index < range.upperBound {
            var rest = index
            while rest < range.upperBound, bytes[rest] == ByteRules.space || bytes[rest] == ByteRules.tab { rest += 1 }
            guard rest < range.upperBound, bytes[rest] == UInt8(ascii: ";") else {
                throw .bad("Chunk size is not a hexadecimal number.")
            }
        }
        return (value > UInt64(Int.max) ? Int.max : Int(value), index)
    }

    private static func trailersTooLarge() -> HTTPParseError {
        HTTPParseError(status: .requestHeaderFieldsTooLarge, message: "Header and trailer fields together are over the header limits.")
    }
}
