/// Decodes a chunked body incrementally: sizes, extensions (ignored), data, trailers (discarded).
struct ChunkedDecoder {
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    /// Longest chunk-size line accepted; extensions are tolerated, not stored.
    static let maxSizeLine = 4096

    private var state = State.size
    private var total = 0
    private var trailerBytes = 0
    let maxBody: Int
    let maxTrailerBytes: Int

    init(maxBody: Int, maxTrailerBytes: Int) {
        self.maxBody = maxBody
        self.maxTrailerBytes = maxTrailerBytes
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
                    if to - position > Self.maxSizeLine { throw .bad("Chunk size line is too long.") }
                    return position
                }
                guard newline > position, bytes[newline - 1] == ByteRules.cr else {
                    throw .bad("Chunk size line must end with CRLF.")
                }
                let size = try Self.chunkSize(bytes, position..<(newline - 1))
                if size > maxBody - total {
                    throw HTTPParseError(status: .payloadTooLarge, message: "Request body is larger than \(maxBody) bytes.")
                }
                total += size
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
                    if trailerBytes + (to - position) > maxTrailerBytes { throw Self.trailersTooLarge(maxTrailerBytes) }
                    return position
                }
                guard newline > position, bytes[newline - 1] == ByteRules.cr else {
                    throw .bad("Trailer lines must end with CRLF.")
                }
                trailerBytes += newline + 1 - position
                if trailerBytes > maxTrailerBytes { throw Self.trailersTooLarge(maxTrailerBytes) }
                if newline - position == 1 { state = .done }
                position = newline + 1
            case .done:
                return position
            }
        }
        return position
    }

    /// chunk-size [ chunk-ext ]: 1–16 hex digits, then nothing or whitespace/';' and extensions.
    private static func chunkSize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(HTTPParseError) -> Int {
        var value: UInt64 = 0
        var digits = 0
        var index = range.lowerBound
        while index < range.upperBound, let digit = hexValue(bytes[index]) {
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
        return value > UInt64(Int.max) ? Int.max : Int(value)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func trailersTooLarge(_ limit: Int) -> HTTPParseError {
        HTTPParseError(status: .requestHeaderFieldsTooLarge, message: "Trailer fields are larger than \(limit) bytes.")
    }
}
