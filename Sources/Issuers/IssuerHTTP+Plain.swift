@preconcurrency import Glibc
import Foundation
import HTTPKit
import Posix

/// Plain http over HTTPKit's blocking client, one keep-alive connection per request in flight.
extension IssuerHTTP {
    func plainExchange(_ request: IssuerRequest, baseURL: String, timeout: Double) -> Result<IssuerReply, TransportFailure> {
        guard let url = URL(string: baseURL), let host = url.host else {
            return .failure(.notSent("the issuer address \(baseURL) is not usable"))
        }
        let port = url.port ?? 80
        let key = "\(host):\(port)"
        let client: HTTPClient
        if let reused = idle.withLock({ $0[key]?.popLast() }) {
            client = reused
        } else {
            do {
                client = try HTTPClient(host: host, port: port, timeout: timeout)
            } catch {
                return .failure(.notSent("the issuer could not be reached (\(error))"))
            }
        }
        var headers = HTTPHeaders(request.headers)
        headers.add("Host", key)
        do {
            let response = try client.send(method: request.method, path: url.path + request.path, headers: headers,
                                           body: request.body.map { [UInt8]($0) } ?? [])
            idle.withLock { $0[key, default: []].append(client) }
            var fields: [String: String] = [:]
            for (name, value) in response.headers { fields[name.lowercased()] = value }
            return .success(IssuerReply(status: response.status, headers: fields, body: Data(response.body)))
        } catch HTTPClientError.timedOut {
            return .failure(.lost("the issuer did not answer in time"))
        } catch let HTTPClientError.cannotConnect(reason) {
            return .failure(.notSent("the issuer could not be reached (\(reason))"))
        } catch {
            return .failure(.lost("the connection to the issuer dropped before it answered (\(error))"))
        }
    }
}
