import Foundation
import HTTPCore
import HTTPKit

/// Talks to the local service's HTTP API for the front: one keep-alive connection, JSON in and
/// out, every failure turned into a `ServiceFailure`. Used from one serial queue only.
final class ServiceClient {
    private let address: ServiceAddress
    private let token: String?
    private var client: HTTPClient?

    init(address: ServiceAddress, token: String?) {
        self.address = address
        self.token = token
    }

    /// A JSON answer: its status and its top-level object.
    struct Answer {
        var status: Int
        var json: [String: Any]

        func object(_ key: String) -> [String: Any]? { json[key] as? [String: Any] }
    }

    /// Sends one request; a 2xx answer succeeds, anything else is the API's error.
    func call(_ method: String, _ path: String, body: [String: Any]? = nil) -> Result<Answer, ServiceFailure> {
        var headers = HTTPHeaders()
        if let token { headers.add("Authorization", "Bearer \(token)") }
        var bytes: [UInt8] = []
        if let body, let data = try? JSONSerialization.data(withJSONObject: body) {
            headers.add("Content-Type", "application/json")
            bytes = Array(data)
        }
        let response: HTTPClientResponse
        do {
            let connection = try client ?? HTTPClient(host: address.host, port: address.port, timeout: 10)
            client = connection
            response = try connection.send(method: method, path: path, headers: headers, body: bytes)
        } catch {
            client?.close()
            client = nil
            return .failure(.unreachable)
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        let answer = Answer(status: response.status, json: json)
        guard (200..<300).contains(response.status) else {
            let error = answer.object("error")
            return .failure(ServiceFailure(status: response.status, code: error?["code"] as? String ?? "http_\(response.status)",
                                           message: error?["message"] as? String ?? ""))
        }
        return .success(answer)
    }
}
