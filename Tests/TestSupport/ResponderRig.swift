import HTTPCore
import Posix

/// Calls a responder the way the server would, with no socket: builds the `HTTPRequest` value,
/// hands it a recorder, and waits for the answer.
///
/// `try rig.request(.post, "/api/v1/claims", json: body, staff: true)` is a claim from the kiosk's
/// front; `from:` gives another peer address, as a phone on the venue Wi-Fi would have.
public struct ResponderRig: Sendable {
    public let responder: any HTTPResponder
    /// Sent as `Authorization: Bearer <token>` by requests marked `staff`.
    public var staffToken: String?
    /// The peer address requests come from unless they say otherwise.
    public var remoteAddress: String
    /// Seconds to wait for an answer before the test fails rather than hangs.
    public var timeout: Double

    public init(_ responder: any HTTPResponder, staffToken: String? = nil, remoteAddress: String = "127.0.0.1",
                timeout: Double = 10) {
        self.responder = responder
        self.staffToken = staffToken
        self.remoteAddress = remoteAddress
        self.timeout = timeout
    }

    /// The request a client would send: `json` goes as the body with `Content-Type: application/json`
    /// unless `headers` name another type; `body` sends raw bytes instead.
    public func makeRequest(_ method: HTTPMethod, _ target: String, json: String? = nil, body: [UInt8]? = nil,
                            staff: Bool = false, headers: [(String, String)] = [], from address: String? = nil) -> HTTPRequest {
        var fields = HTTPHeaders([("Host", "127.0.0.1")] + headers)
        if staff, let staffToken { fields.add("Authorization", "Bearer \(staffToken)") }
        if json != nil, !fields.contains("Content-Type") { fields.add("Content-Type", "application/json") }
        var request = HTTPRequest(method: method.rawValue, target: target, headers: fields,
                                  body: body ?? Array((json ?? "").utf8), remoteAddress: address ?? remoteAddress,
                                  receivedAt: MonotonicClock.nanoseconds())
        request.numberOnConnection = 1
        return request
    }

    /// Hands `request` to the responder and returns the recorder at once: for streams, aborts and
    /// answers that come later.
    public func start(_ request: HTTPRequest) -> HTTPResponseRecorder {
        let recorder = HTTPResponseRecorder()
        responder.respond(to: request, writer: recorder)
        return recorder
    }

    /// Sends one request and waits for its whole response.
    public func request(_ method: HTTPMethod, _ target: String, json: String? = nil, body: [UInt8]? = nil,
                        staff: Bool = false, headers: [(String, String)] = [], from address: String? = nil) throws -> HTTPResponse {
        let request = makeRequest(method, target, json: json, body: body, staff: staff, headers: headers, from: address)
        return try start(request).response(timeout: timeout)
    }
}
