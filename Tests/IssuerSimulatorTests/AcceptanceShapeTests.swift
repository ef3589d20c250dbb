import Foundation
import Testing
@testable import IssuerSimulator
import TestSupport

/// The acceptance endpoints: OBF's event assertions, Navigatr's issued badge read back, and the
/// `/_sim/accept` control that plays the learner.
@Suite("The simulator reports acceptance for OBF and Navigatr")
struct AcceptanceShapeTests {
    static let navigatrBody = #"{"recipient_firstname":"Amira","recipient_lastname":"-","recipient_email":"amira@example.com"}"#

    /// Issues one OBF award; returns its event id and the token.
    static func obfAward(_ sim: SimulatorClient) throws -> (event: String, token: String) {
        let token = try sim.token()
        let reply = try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: SimulatorShapeTests.obfBody, token: token)
        #expect(reply.status == 201)
        return (try #require(sim.simulator.awards.last).id, token)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func obfAssertionsArePendingUntilAcceptedThenCarryTheTime() throws {
        let sim = try SimulatorClient()
        let (event, token) = try Self.obfAward(sim)
        let path = "/v1/event/demo/\(event)/assertion"
        let pending = try sim.send("GET", path, token: token)
        #expect(pending.status == 200)
        let lines = pending.text.split(separator: "\n")
        #expect(lines.count == 1)
        let first = try Self.object(String(lines[0]))
        #expect(first["email"] as? String == "amira@example.com" && first["status"] as? String == "pending")
        #expect(first["accepted_on"] == nil)

        let marked = try sim.send("POST", "/_sim/accept", json: #"{"email":"AMIRA@example.com"}"#)
        #expect(marked.status == 200 && marked.text == #"{"changed":1}"#)
        let accepted = try Self.object(try sim.send("GET", path, token: token).text.trimmingCharacters(in: .newlines))
        #expect(accepted["status"] as? String == "accepted")
        let at = try #require(accepted["accepted_on"] as? Int)
        #expect(abs(Double(at) - Date().timeIntervalSince1970) < 60)
        #expect(try sim.send("GET", "/_sim/awards").text.contains(#""status":"accepted""#))
    }

    @Test func obfAssertionsAreStrict() throws {
        let sim = try SimulatorClient()
        let (event, token) = try Self.obfAward(sim)
        #expect(try sim.send("GET", "/v1/event/demo/\(event)/assertion").status == 401)
        #expect(try sim.send("GET", "/v1/event/demo/\(event)/assertion", token: "forged").status == 401)
        #expect(try sim.send("GET", "/v1/event/other/\(event)/assertion", token: token).status == 404)
        #expect(try sim.send("GET", "/v1/event/demo/E999999/assertion", token: token).status == 404)
        #expect(try sim.send("GET", "/v1/event/demo/\(event)/assertion?email=amira%40example.com", token: token).status == 400)
        #expect(try sim.send("POST", "/v1/event/demo/\(event)/assertion", token: token).status == 404)
    }

    @Test func navigatrReadsTheIssuedBadgeBackPendingThenClaimed() throws {
        let sim = try SimulatorClient()
        let issued = try sim.send("PUT", "/v1/badge/3425/issue", json: Self.navigatrBody, token: "demo-secret")
        let id = try #require(try Self.object(issued.text)["id"] as? Int)
        let pending = try Self.object(try sim.send("GET", "/v1/issued/\(id)", token: "demo-secret").text)
        #expect(pending["status"] as? String == "Pending" && pending["id"] as? Int == id && pending["time_claimed"] == nil)
        #expect(pending["recipient_email"] as? String == "amira@example.com")

        #expect(try sim.send("POST", "/_sim/accept", json: #"{"id":"\#(id)"}"#).status == 200)
        let claimed = try Self.object(try sim.send("GET", "/v1/issued/\(id)", token: "demo-secret").text)
        #expect(claimed["status"] as? String == "Claimed")
        #expect((claimed["time_claimed"] as? String).flatMap(ISO8601DateFormatter().date(from:)) != nil)

        #expect(try sim.send("POST", "/_sim/accept", json: #"{"id":"\#(id)","status":"revoked"}"#).status == 200)
        #expect(try Self.object(try sim.send("GET", "/v1/issued/\(id)", token: "demo-secret").text)["status"] as? String
            == "Revoked")
    }

    @Test func navigatrReadBackIsStrict() throws {
        let sim = try SimulatorClient()
        _ = try sim.send("PUT", "/v1/badge/3425/issue", json: Self.navigatrBody, token: "demo-secret")
        let id = try #require(sim.simulator.awards.first).id
        #expect(try sim.send("GET", "/v1/issued/\(id)").status == 401)
        #expect(try sim.send("GET", "/v1/issued/\(id)", token: try sim.token()).status == 401)
        #expect(try sim.send("GET", "/v1/issued/abc", token: "demo-secret").status == 422)
        #expect(try sim.send("GET", "/v1/issued/99999", token: "demo-secret").status == 404)
        #expect(try sim.send("GET", "/v1/issued/\(id)?fields=status", token: "demo-secret").status == 422)
    }

    @Test(arguments: [
        (#"{}"#, 400), (#"{"id":"E000001","email":"amira@example.com"}"#, 400), (#"{"id":"E000001","extra":1}"#, 400),
        (#"{"id":"E000001","status":"maybe"}"#, 400), (#"{"id":"E000099"}"#, 404), (#"{"email":"nobody@example.com"}"#, 404),
        (#"[1]"#, 400),
    ])
    func theAcceptControlRefusesWhatItCannotDo(body: String, status: Int) throws {
        let sim = try SimulatorClient()
        _ = try Self.obfAward(sim)
        #expect(try sim.send("POST", "/_sim/accept", json: body).status == status)
        #expect(sim.simulator.awards.allSatisfy { $0.status == .pending })
    }

    @Test func faultsHitAcceptanceQuestionsToo() throws {
        let sim = try SimulatorClient { $0.retryAfterSeconds = 3 }
        let (event, token) = try Self.obfAward(sim)
        sim.simulator.failNext(.tooManyRequests)
        let slowDown = try sim.send("GET", "/v1/event/demo/\(event)/assertion", token: token)
        #expect(slowDown.status == 429 && slowDown.headers["Retry-After"] == "3")
        sim.simulator.failNext(.status(503))
        #expect(try sim.send("GET", "/v1/event/demo/\(event)/assertion", token: token).status == 503)
        _ = try sim.send("PUT", "/v1/badge/3425/issue", json: Self.navigatrBody, token: "demo-secret")
        let id = try #require(sim.simulator.awards.last).id
        sim.simulator.failNext(.status(500))
        #expect(try sim.send("GET", "/v1/issued/\(id)", token: "demo-secret").status == 500)
        #expect(try sim.send("GET", "/v1/issued/\(id)", token: "demo-secret").status == 200)
        #expect(sim.simulator.requests.compactMap(\.fault).count == 3)
        #expect(sim.simulator.accept(id: id) == 1)
    }
}
