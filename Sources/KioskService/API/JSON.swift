import Foundation
import HTTPCore
import KioskAPI
import KioskCore

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

    /// The body as `T`, made into a checked value by `check` (a draft): a bad body, or a field the
    /// rules refuse, is a 400 that names it.
    static func decode<T: Decodable, Checked>(_ type: T.Type, from request: HTTPRequest,
                                              _ check: (T) throws(FieldError) -> Checked) throws(APIError) -> Checked {
        let body = try decode(type, from: request)
        do {
            return try check(body)
        } catch {
            throw APIError(error)
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
