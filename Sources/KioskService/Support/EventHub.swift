import HTTPCore
import KioskAPI
import Posix

/// Fans live changes out to server-sent-event streams (`GET /api/v1/events`), so the front and
/// any display update the moment something happens, with no polling.
public final class EventHub: Sendable {
    /// One change: its kind, with a small JSON object (never personal data).
    struct Event: Sendable, Equatable {
        var kind: EventKind
        var json: String

        /// `data` written as the API writes every body.
        init(_ kind: EventKind, _ data: some Encodable) {
            self.kind = kind
            json = String(decoding: (try? KioskAPI.encode(data)) ?? Array("{}".utf8), as: UTF8.self)
        }

        /// The event in the text/event-stream wire format.
        var wire: [UInt8] { Array("event: \(kind.rawValue)\ndata: \(json)\n\n".utf8) }
    }

    private struct Subscriber {
        var id: Int
        var stream: any HTTPBodyStream
    }

    private let subscribers = Locked<(next: Int, list: [Subscriber])>((0, []))

    public init() {}

    /// Starts an event stream on `writer`; it ends when the client goes away.
    public func subscribe(_ writer: any HTTPResponseWriter) {
        let head = HTTPResponse(status: .ok, headers: HTTPHeaders([
            ("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store"),
        ]), body: [])
        let stream = writer.startStream(head)
        // A first comment, so the client knows at once that it is connected.
        stream.write(Array(": connected\n\n".utf8))
        let id = subscribers.withLock { state in
            defer { state.next += 1 }
            state.list.append(Subscriber(id: state.next, stream: stream))
            return state.next
        }
        stream.onClose { [subscribers] in
            subscribers.withLock { $0.list.removeAll { $0.id == id } }
        }
    }

    /// Sends a `kind` event with `data` to every open stream.
    public func publish(_ kind: EventKind, _ data: some Encodable) {
        let streams = subscribers.withLock { $0.list.map(\.stream) }
        guard !streams.isEmpty else { return }
        let bytes = Event(kind, data).wire
        for stream in streams { stream.write(bytes) }
    }

    /// How many streams are open (for tests and status).
    public var subscriberCount: Int { subscribers.withLock { $0.list.count } }
}
