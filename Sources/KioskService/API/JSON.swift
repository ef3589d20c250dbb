import Foundation
import HTTPCore
import KioskAPI

/// Request bodies read and responses written with the API contract's coding (`KioskAPI`).
enum JSON {
    static let contentType = "application/json; charset=utf-8"

    /// Decodes a request body, refusing anything that is not a JSON object of the expected shape.
    static func decode<T: Decodable>(_ type: T.Type, from request: HTTPRequest) throws(APIError) -> T {
        // Requiring application/json also keeps browsers on other sites from posting forms here.
        guard request.mediaType == "application/json" else {
            throw APIError(.unsupportedMediaType, "unsupported_media_type", "Send the body as application/json.")
        }
        guard String(validating: request.body, as: UTF8.self) != nil else {
            throw APIError(.badRequest, "invalid_json", "The body is not valid UTF-8 text.")
        }
        do {
            return try KioskAPI.decode(T.self, from: request.body)
        } catch DecodingError.typeMismatch(_, let context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, "invalid_field", "The field `\(field)` has the wrong type.")
        } catch {
            throw APIError(.badRequest, "invalid_json", "The body is not a JSON object of the expected shape.")
        }
    }

    static func response<T: Encodable>(_ status: HTTPStatus, _ value: T, headers: [(String, String)] = []) -> HTTPResponse {
        let body = (try? KioskAPI.encode(value)) ?? Array("{}".utf8)
        var fields = HTTPHeaders([("Content-Type", contentType), ("Cache-Control", "no-store")])
        for (name, value) in headers { fields.add(name, value) }
        return HTTPResponse(status: status, headers: fields, body: body)
    }

    static func response(_ error: APIError) -> HTTPResponse {
        response(error.status, ErrorReply(code: error.code, message: error.message), headers: error.headers)
    }
}
