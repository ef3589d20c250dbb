import Foundation
import HTTPCore
import HTTPKit

/// Plain http (to this machine only: the simulator) over HTTPKit's blocking client, on a connection
/// of its own per request, as https is: an issue request never rides a reused connection.
extension IssuerHTTP {
    func plainExchange(_ request: IssuerRequest, baseURL: String, timeout: Double) -> Result<IssuerReply, TransportFailure> {
        guard let url = URL(string: baseURL), let host = url.host else {
            return .failure(.notSent("the issuer address \(baseURL) is not usable"))
        }
        let port = url.port ?? 80
        let client: HTTPClient
        do {
            client = try HTTPClient(host: host, port: port, timeout: timeout)
        } catch {
            return .failure(.notSent("the issuer could not be reached (\(error))"))
        }
        defer { client.close() }
        var headers = HTTPHeaders(request.headers)
        headers.add("Host", "\(host):\(port)")
        headers.add("Connection", "close")
        do {
            let response = try client.send(method: request.method, path: url.path + request.path, headers: headers,
                                           body: request.body.map { [UInt8]($0) } ?? [])
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
