#if DEBUG || FUZZING
import HTTPCore

/// The request parser and its chunked decoder, fed the input whole and one byte at a time.
///
/// The two feeds must parse the same requests and both refuse or both accept the rest: a
/// parser that decides differently depending on how TCP split the bytes would let a client
/// get past a check by timing its writes. Small limits bring the limit checks within reach.
enum RequestParserFuzz {
    /// What a parser made of the bytes: the requests, in order, and whether it then refused.
    struct Outcome: Equatable {
        struct Request: Equatable {
            var method: String
            var target: String
            var version: HTTPVersion
            var headers: [String]
            var body: [UInt8]
        }

        var requests: [Request] = []
        var refused = false
    }

    static let smallLimits = HTTPLimits(maxRequestLine: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 256)

    static func run(_ bytes: [UInt8]) {
        for limits in [HTTPLimits(), smallLimits] {
            let whole = parse(bytes, limits: limits, pieceSize: max(bytes.count, 1))
            let trickled = parse(bytes, limits: limits, pieceSize: 1)
            if whole != trickled { fatalError("Parsed whole: \(whole); one byte at a time: \(trickled)") }
        }
    }

    static func parse(_ bytes: [UInt8], limits: HTTPLimits, pieceSize: Int) -> Outcome {
        var parser = HTTPRequestParser(limits: limits)
        var outcome = Outcome()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + pieceSize, bytes.count)
            bytes[offset..<end].withUnsafeBytes { parser.feed($0) }
            offset = end
            do {
                while let request = try parser.next() {
                    outcome.requests.append(.init(method: request.method, target: request.target, version: request.version,
                                                  headers: request.headers.map { "\($0.name): \($0.value)" }, body: request.body))
                }
            } catch {
                outcome.refused = true
                return outcome
            }
        }
        return outcome
    }
}
#endif
