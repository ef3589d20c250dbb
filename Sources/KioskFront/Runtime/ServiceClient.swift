import Foundation
import HTTPCore
import HTTPKit
import KioskAPI

/// Talks to the local service's HTTP API for the front: one keep-alive connection, the API's own
/// bodies (`KioskAPI`) in and out, every failure turned into a `ServiceFailure`. Used from one serial
/// queue only.
final class ServiceClient {
    private let address: ServiceAddress
    private let token: String?
    private var client: HTTPClient?

    init(address: ServiceAddress, token: String?) {
        self.address = address
        self.token = token
    }

    /// Sends one request and reads a 2xx answer as `Reply`. Any other status is the API's error; a 2xx
    /// answer that is not a `Reply` is `ServiceFailure.malformed`, never a guessed value.
    func call<Reply: Decodable>(_ method: String, _ path: String, body: (any Encodable)? = nil,
                                reply: Reply.Type) -> Result<Reply, ServiceFailure> {
        send(method, path, body: body).flatMap { response in
            do {
                return .success(try KioskAPI.decode(Reply.self, from: response.body))
            } catch {
                return .failure(.malformed(status: response.status, "\(method) \(path)", error))
            }
        }
    }

    /// Sends one request whose 2xx answer carries nothing the front needs.
    func call(_ method: String, _ path: String, body: (any Encodable)? = nil) -> Result<Void, ServiceFailure> {
        send(method, path, body: body).map { _ in }
    }

    private func send(_ method: String, _ path: String, body: (any Encodable)?) -> Result<HTTPClientResponse, ServiceFailure> {
        var headers = HTTPHeaders()
        if let token { headers.add("Authorization", "Bearer \(token)") }
        var bytes: [UInt8] = []
        if let body, let encoded = try? KioskAPI.encode(body) {
            headers.add("Content-Type", "application/json")
            bytes = encoded
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
        guard (200..<300).contains(response.status) else {
            let error = (try? KioskAPI.decode(ErrorReply.self, from: response.body))?.error
            return .failure(ServiceFailure(status: response.status, code: error?.code ?? "http_\(response.status)",
                                           message: error?.message ?? ""))
        }
        return .success(response)
    }
}
