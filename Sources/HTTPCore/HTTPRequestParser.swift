/// Pure request parser: bytes in, requests out. No I/O.
///
/// Feed it whatever arrived, then call `next()` until it returns nil. Once it throws, it keeps
/// throwing the same error: the connection is beyond repair and must be answered and closed.
public struct HTTPRequestParser {
    enum Body {
        case fixed(remaining: Int)
        case chunked(ChunkedDecoder)
    }

    let limits: HTTPLimits
    var buffer: [UInt8] = []
    /// First byte not yet consumed.
    var start = 0
    /// Offset from `start` up to which the current head has been scanned for line ends.
    var scanned = 0
    /// Offsets from `start` of the LF ending each head line seen so far.
    var lineEnds: [Int] = []
    /// The request whose head is parsed and whose body is still arriving.
    var pending: HTTPRequest?
    var body = Body.fixed(remaining: 0)
    var expectsContinue = false
    var failure: HTTPParseError?

    public init(limits: HTTPLimits = .init()) {
        self.limits = limits
    }

    /// No part of a request is buffered.
    public var isIdle: Bool { pending == nil && start == buffer.count }

    /// A head with `Expect: 100-continue` was parsed and its body has not all arrived yet.
    public var needsContinue: Bool { pending != nil && expectsContinue }

    /// The head is complete and the body is arriving.
    package var isReadingBody: Bool { pending != nil }

    /// Body bytes the pending request has announced so far: its Content-Length, or its chunk sizes
    /// and extensions; what the time allowed for the body is reckoned from.
    package var announcedBodyBytes: Int {
        switch body {
        case .fixed(let remaining): (pending?.body.count ?? 0) + remaining
        case .chunked(let decoder): decoder.counted
        }
    }

    /// Bytes buffered and not yet turned into a request.
    package var bufferedCount: Int { buffer.count - start }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes.bindMemory(to: UInt8.self))
    }

    public mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// The next complete request, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do throws(HTTPParseError) {
            if pending == nil {
                guard let head = try parseHead() else { return nil }
                pending = head
            }
            return try readBody()
        } catch {
            failure = error
            throw error
        }
    }

    /// Moves body bytes from the buffer into the pending request; returns it once complete.
    private mutating func readBody() throws(HTTPParseError) -> HTTPRequest? {
        switch body {
        case .fixed(let remaining):
            let take = min(remaining, buffer.count - start)
            if take > 0 {
                pending!.body.append(contentsOf: buffer[start..<(start + take)])
                start += take
            }
            if take < remaining {
                body = .fixed(remaining: remaining - take)
                return nil
            }
        case .chunked(var decoder):
            let end = buffer.count
            // Taken out of the request so the decoder appends without a copy-on-write copy.
            var bodyBytes = pending!.body
            pending!.body = []
            let consumed = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
                try decoder.decode(bytes, from: start, to: end, into: &bodyBytes)
            }
            pending!.body = bodyBytes
            start = consumed
            body = .chunked(decoder)
            if !decoder.isDone { return nil }
        }
        let request = pending
        pending = nil
        expectsContinue = false
        return request
    }
}
