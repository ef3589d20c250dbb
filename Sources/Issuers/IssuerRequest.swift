import Foundation
import HTTPCore

/// One HTTP request to the issuer, built by an adapter.
public struct IssuerRequest: Sendable {
    public var method: String
    /// The path and query after the base address, e.g. `/v1/badge/demo`.
    public var path: String
    public var headers: [(String, String)]
    public var body: Data?

    public init(method: String, path: String, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// A JSON body with its content type.
    public static func json(_ method: String, _ path: String, _ object: Any, token: String?) -> IssuerRequest {
        let body = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return IssuerRequest(method: method, path: path, headers: headers, body: body ?? Data("{}".utf8))
    }

    /// A GET with the bearer token.
    public static func get(_ path: String, token: String) -> IssuerRequest {
        IssuerRequest(method: "GET", path: path, headers: [("Accept", "application/json"), ("Authorization", "Bearer \(token)")])
    }

    /// An `application/x-www-form-urlencoded` POST, as OAuth2 token endpoints want.
    public static func form(_ path: String, _ fields: [(String, String)]) -> IssuerRequest {
        let text = fields.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return IssuerRequest(method: "POST", path: path,
                             headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
                             body: Data(text.utf8))
    }
}
