/// A complete response: status, header fields and body.
///
/// The server adds Content-Length (or Transfer-Encoding for streams) and Connection itself;
/// values the responder sets for those fields are ignored.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: HTTPHeaders = .init(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The JSON error shape of the API: `{"error":{"code":"snake_case","message":"plain words"}}`.
    public static func error(_ status: HTTPStatus, message: String, headers: HTTPHeaders = .init()) -> HTTPResponse {
        var json = #"{"error":{"code":""#
        json += status.errorCode
        json += #"","message":""#
        json += JSONText.escaped(message)
        json += "\"}}"
        var fields = headers
        fields.replaceOrAdd("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: fields, body: Array(json.utf8))
    }
}
