import Foundation
import HTTPCore
import HTTPKit
import Testing
import IssuerSimulator

/// The faults that record an award and then lose the answer, as a proxy or a flaky venue link does.
@Suite("The simulator loses answers after recording")
struct SimulatorFaultTests {
    static let body = SimulatorShapeTests.obfBody

    @Test func dropReusedLosesOnlyAnswersOnAReusedConnectionAndTheClientSendsNothingTwice() throws {
        let sim = try SimulatorClient(listening: true) { $0.faults = try FaultSpec(parsing: "drop-reused:1") }
        let token = try sim.token()
        // The token answer took the connection's first request; this award arrives on it reused.
        #expect(throws: (any Error).self) {
            try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.body, token: token)
        }
        #expect(sim.simulator.awards.count == 1, "the award was recorded before the answer was lost")
        // A fresh connection's first request is answered.
        let fresh = try HTTPClient(host: "127.0.0.1", port: try #require(sim.simulator.port), timeout: 5)
        var headers = HTTPHeaders([("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")])
        headers.add("Connection", "close")
        let reply = try fresh.send(method: "POST", path: "/v1/badge/demo/intro-to-work-day-1", headers: headers,
                                   body: Array(Self.body.utf8))
        #expect(reply.status == 201)
        let issues = sim.simulator.requests.filter { $0.method == "POST" && $0.path.hasPrefix("/v1/badge/") }
        #expect(issues.map(\.numberOnConnection) == [2, 1])
        #expect(issues.map(\.fault) == [.dropReused, nil])
    }

    @Test func dropLosesTheAnswerOnAnyConnection() throws {
        let sim = try SimulatorClient(listening: true) { $0.faults = try FaultSpec(parsing: "drop:1") }
        let token = try sim.token()
        let fresh = try HTTPClient(host: "127.0.0.1", port: try #require(sim.simulator.port), timeout: 5)
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")])
        #expect(throws: (any Error).self) {
            try fresh.send(method: "POST", path: "/v1/badge/demo/intro-to-work-day-1", headers: headers, body: Array(Self.body.utf8))
        }
        #expect(sim.simulator.awards.count == 1)
        #expect(try FaultSpec(parsing: "drop:0.1,drop-reused:0.2").description == "drop:0.1,drop-reused:0.2")
    }
}
