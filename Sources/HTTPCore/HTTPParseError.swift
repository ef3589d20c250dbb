/// Why a request (or, in the client, a response) could not be parsed, with the status to answer.
public struct HTTPParseError: Error, Equatable, Sendable {
    public let status: HTTPStatus
    /// Plain words for the client, e.g. "Request body is larger than 65536 bytes."
    public let message: String

    public init(status: HTTPStatus, message: String) {
        self.status = status
        self.message = message
    }

    static func bad(_ message: String) -> HTTPParseError {
        HTTPParseError(status: .badRequest, message: message)
    }

    /// The response the server sends before closing the connection.
    package var response: HTTPResponse { .error(status, message: message) }
}
