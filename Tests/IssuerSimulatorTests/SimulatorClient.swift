import Foundation
import HTTPCore
import HTTPKit
import Testing
import IssuerSimulator
import TestSupport

/// A simulator called in memory; with `listening`, started on a loopback port with a plain HTTP client
/// to it, for what only the wire shows (lost answers, reused connections).
final class SimulatorClient {
    let simulator: IssuerSimulator
    let rig: ResponderRig
    /// Nil unless the simulator listens.
    let client: HTTPClient?

    init(listening: Bool = false, _ configure: (inout SimulatorConfiguration) throws -> Void = { _ in }) throws {
        var configuration = SimulatorConfiguration()
        configuration.port = 0
        configuration.seed = 7
        try configure(&configuration)
        simulator = IssuerSimulator(configuration: configuration)
        rig = ResponderRig(simulator.responder)
        client = listening ? try HTTPClient(host: "127.0.0.1", port: try simulator.start(), timeout: 5) : nil
    }

    deinit {
        if let client {
            client.close()
            simulator.shutdown()
        }
    }

    func send(_ method: String, _ path: String, form: String? = nil, json: String? = nil,
              token: String? = nil) throws -> HTTPClientResponse {
        var headers = HTTPHeaders()
        if form != nil { headers.add("Content-Type", "application/x-www-form-urlencoded") }
        if json != nil { headers.add("Content-Type", "application/json") }
        if let token { headers.add("Authorization", "Bearer \(token)") }
        let body = Array((form ?? json ?? "").utf8)
        guard let client else {
            let response = try rig.request(HTTPMethod(rawValue: method), path, body: body, headers: Array(headers))
            return HTTPClientResponse(status: response.status.code, headers: response.headers, body: response.body)
        }
        return try client.send(method: method, path: path, headers: headers, body: body)
    }

    func token(badgr: Bool = false) throws -> String {
        let reply = badgr
            ? try send("POST", "/o/token", form: "grant_type=client_credentials&client_id=demo&client_secret=demo-secret&scope=rw%3Aissuer")
            : try send("POST", "/v1/client/oauth2/token", form: "grant_type=client_credentials&client_id=demo&client_secret=demo-secret")
        #expect(reply.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])
        return try #require(object["access_token"] as? String)
    }
}
