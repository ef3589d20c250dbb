import HTTPCore
import Posix

/// An `HTTPResponseWriter` that keeps the answer in memory, so a test can call a responder with no
/// socket and wait for what it said: a response, an abort, or a streamed head with its chunks.
///
/// Like the event loop's writer, it takes the first answer and ignores later ones (counted in
/// `ignoredAnswers`, so a test can check a responder answered once). Answers may come from any
/// thread and at any time (the store answers after its commit): the waits wake on
/// each change, and their time limit only stops a hung test.
public final class HTTPResponseRecorder: HTTPResponseWriter, @unchecked Sendable {
    /// What the responder did with the request.
    public enum Answer: Sendable {
        case response(HTTPResponse)
        /// It closed the connection without answering.
        case aborted
        /// It sent this head and streams the body (see `chunks`).
        case streamed(HTTPResponse)
    }

    /// Why a wait ended without what it waited for.
    public struct Unanswered: Error, CustomStringConvertible {
        public let description: String
    }

    private let condition = MonotonicCondition()
    // Guarded by `condition`'s lock.
    private var answer: Answer?
    private var chunks: [[UInt8]] = []
    private var finished = false
    private var ignored = 0
    private var stream: RecordedStream?

    public init() {}

    public func send(_ response: HTTPResponse) {
        settle(.response(response))
    }

    public func abort() {
        settle(.aborted)
    }

    public func startStream(_ head: HTTPResponse) -> any HTTPBodyStream {
        let stream = RecordedStream(recorder: self)
        condition.lock()
        let first = answer == nil
        if first {
            answer = .streamed(head)
            self.stream = stream
        } else {
            ignored += 1
        }
        condition.broadcast()
        condition.unlock()
        // A second answer's stream is closed from the start, as the event loop's would be.
        if !first { stream.close() }
        return stream
    }

    /// How many answers came after the first and were ignored.
    public var ignoredAnswers: Int { locked { ignored } }

    /// The answer, waiting up to `timeout` seconds for it.
    public func wait(timeout: Double = 10) throws -> Answer {
        try waitFor(timeout, "no answer came") { $0.answer }
    }

    /// The whole response; throws when the responder aborted or started a stream instead.
    public func response(timeout: Double = 10) throws -> HTTPResponse {
        switch try wait(timeout: timeout) {
        case .response(let response): return response
        case .aborted: throw Unanswered(description: "the responder closed the connection without answering")
        case .streamed: throw Unanswered(description: "the responder started a stream, not a whole response")
        }
    }

    /// The chunks streamed so far, once there are at least `count` of them.
    public func chunks(atLeast count: Int, timeout: Double = 10) throws -> [[UInt8]] {
        try waitFor(timeout, "fewer than \(count) chunks came") { $0.chunks.count >= count ? $0.chunks : nil }
    }

    /// The streamed body, joined, once the responder has finished it.
    public func streamedBody(timeout: Double = 10) throws -> [UInt8] {
        try waitFor(timeout, "the stream was not finished") { $0.finished ? Array($0.chunks.joined()) : nil }
    }

    /// Whether the streamed body has been finished (by the responder, or by `disconnect`).
    public var isFinished: Bool { locked { finished } }

    /// The client goes away: an open stream closes and its `onClose` handlers run, as when the
    /// event loop's connection closes.
    public func disconnect() {
        locked { stream }?.close()
    }

    private func settle(_ given: Answer) {
        condition.lock()
        if answer == nil { answer = given } else { ignored += 1 }
        condition.broadcast()
        condition.unlock()
    }

    fileprivate func append(_ bytes: [UInt8]) {
        condition.lock()
        chunks.append(bytes)
        condition.broadcast()
        condition.unlock()
    }

    fileprivate func markFinished(_ ended: RecordedStream) {
        condition.lock()
        if stream === ended { finished = true }
        condition.broadcast()
        condition.unlock()
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    private func waitFor<T>(_ timeout: Double, _ failure: String, _ ready: (HTTPResponseRecorder) -> T?) throws -> T {
        let deadline = MonotonicClock.nanoseconds() + MonotonicClock.nanoseconds(seconds: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = ready(self) { return value }
            guard condition.wait(until: deadline) else {
                if let value = ready(self) { return value }
                throw Unanswered(description: "\(failure) within \(timeout) s")
            }
        }
    }
}

/// The body stream an `HTTPResponseRecorder` hands out: chunks go into the recorder.
final class RecordedStream: HTTPBodyStream {
    private struct State {
        var open = true
        var handlers: [@Sendable () -> Void] = []
    }

    private let recorder: HTTPResponseRecorder
    private let state = Locked(State())

    init(recorder: HTTPResponseRecorder) {
        self.recorder = recorder
    }

    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        guard isOpen else { return false }
        if !bytes.isEmpty { recorder.append(bytes) }
        return true
    }

    func finish() {
        close()
    }

    var isOpen: Bool { state.withLock { $0.open } }

    func onClose(_ body: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            if !state.open { return true }
            state.handlers.append(body)
            return false
        }
        if runNow { body() }
    }

    /// Ends the stream once, whoever ends it, and runs the handlers.
    func close() {
        let handlers = state.withLock { state -> [@Sendable () -> Void]? in
            guard state.open else { return nil }
            state.open = false
            defer { state.handlers = [] }
            return state.handlers
        }
        guard let handlers else { return }
        recorder.markFinished(self)
        for handler in handlers { handler() }
    }
}
