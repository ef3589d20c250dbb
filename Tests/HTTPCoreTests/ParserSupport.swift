import HTTPCore

/// Parses every request in `bytes`, fed all at once or one byte at a time.
func parseAll(_ bytes: [UInt8], limits: HTTPLimits = .init(), byteAtATime: Bool = false) -> Result<[HTTPRequest], HTTPParseError> {
    var parser = HTTPRequestParser(limits: limits)
    var requests: [HTTPRequest] = []
    do throws(HTTPParseError) {
        if byteAtATime {
            for byte in bytes {
                parser.feed([byte])
                while let request = try parser.next() { requests.append(request) }
            }
        } else {
            parser.feed(bytes)
            while let request = try parser.next() { requests.append(request) }
        }
    } catch {
        return .failure(error)
    }
    return .success(requests)
}

func parseAll(_ text: String, limits: HTTPLimits = .init(), byteAtATime: Bool = false) -> Result<[HTTPRequest], HTTPParseError> {
    parseAll(Array(text.utf8), limits: limits, byteAtATime: byteAtATime)
}

/// The status code a malformed input fails with, nil when it parses.
func failure(_ text: String, limits: HTTPLimits = .init()) -> Int? {
    failure(Array(text.utf8), limits: limits)
}

func failure(_ bytes: [UInt8], limits: HTTPLimits = .init()) -> Int? {
    if case .failure(let error) = parseAll(bytes, limits: limits) { return error.status.code }
    return nil
}

/// The requests parsed from `text`, empty when it fails.
func requests(_ text: String, limits: HTTPLimits = .init()) -> [HTTPRequest] {
    (try? parseAll(text, limits: limits).get()) ?? []
}
