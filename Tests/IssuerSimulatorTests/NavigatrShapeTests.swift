import Foundation
import Testing
@testable import IssuerSimulator
import TestSupport

@Suite("The simulator speaks Navigatr to the documented shapes")
struct NavigatrShapeTests {
    static let body = #"{"recipient_firstname":"Amira","recipient_lastname":"-","recipient_email":"amira@example.com"}"#
    static let pat = "demo-secret"
    static let issuePath = "/v1/badge/3425/issue"

    @Test func issueAnswers200WithTheIssuedBadgeAndKeepsTheAward() throws {
        let sim = try SimulatorClient()
        let reply = try sim.send("PUT", Self.issuePath, json: Self.body, token: Self.pat)
        #expect(reply.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any])
        let award = try #require(sim.simulator.awards.first)
        #expect((object["id"] as? Int).map(String.init) == award.id)
        #expect(object["badge_id"] as? Int == 3425 && object["status"] as? String == "Pending")
        #expect(award.api == "navigatr" && award.badge == "3425" && award.email == "amira@example.com" && award.name == "Amira")
        let listed = try sim.send("GET", "/_sim/awards")
        #expect(listed.text.contains(#""api":"navigatr""#) && listed.text.contains(#""badge":"3425""#))
    }

    @Test(arguments: [
        #"{"recipient_firstname":"Amira","recipient_lastname":"-","recipient_email":"amira@example.com","issue_date":"2025-11-24"}"#,
        #"{"recipient_firstname":"Amira","recipient_email":"amira@example.com"}"#,
        #"{"recipient_firstname":"Amira","recipient_lastname":"","recipient_email":"amira@example.com"}"#,
        #"{"recipient_firstname":" ","recipient_lastname":"-","recipient_email":"amira@example.com"}"#,
        #"{"recipient_firstname":"Amira","recipient_lastname":"-","recipient_email":42}"#,
        #"{"recipient_firstname":"Amira","recipient_lastname":"-","recipient_email":"amira at example.com"}"#,
        #"{"recipient":{"firstname":"Amira"}}"#,
        #"[1,2]"#,
    ])
    func refusesDriftedBodies(body: String) throws {
        let sim = try SimulatorClient()
        let reply = try sim.send("PUT", Self.issuePath, json: body, token: Self.pat)
        #expect(reply.status == 422)
        #expect(reply.text.contains(#""detail":[{"#))
        #expect(sim.simulator.awards.isEmpty)
    }

    @Test func refusesWrongTokensMethodsAndBadges() throws {
        let sim = try SimulatorClient()
        #expect(try sim.send("PUT", Self.issuePath, json: Self.body).status == 401)
        #expect(try sim.send("PUT", Self.issuePath, json: Self.body, token: "not-the-token").status == 401)
        // An OAuth2 token from the OBF side is no Navigatr access token.
        #expect(try sim.send("PUT", Self.issuePath, json: Self.body, token: try sim.token()).status == 401)
        #expect(try sim.send("PUT", Self.issuePath, form: "recipient_email=amira%40example.com", token: Self.pat).status == 422)
        #expect(try sim.send("PUT", "/v1/badge/intro-to-work-day-1/issue", json: Self.body, token: Self.pat).status == 422)
        #expect(try sim.send("PUT", "/v1/badge/999/issue", json: Self.body, token: Self.pat).status == 404)
        #expect(sim.simulator.awards.isEmpty)
    }

    @Test func issuingTwiceMakesTwoAwards() throws {
        let sim = try SimulatorClient()
        #expect(try sim.send("PUT", Self.issuePath, json: Self.body, token: Self.pat).status == 200)
        #expect(try sim.send("PUT", Self.issuePath, json: Self.body, token: Self.pat).status == 200)
        #expect(sim.simulator.awards.map(\.badge) == ["3425", "3425"])
    }

    @Test func listsAProvidersBadgesPageByPage() throws {
        let sim = try SimulatorClient()
        let first = try sim.send("GET", "/v1/badge/?provider_id=77&page=1&size=2", token: Self.pat)
        #expect(first.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? Int } == [3425, 3426])
        #expect(object["pages"] as? Int == 3 && object["total"] as? Int == SimulatedBadge.demoCatalogue.count)
        let last = try sim.send("GET", "/v1/badge/?provider_id=77&page=3&size=2", token: Self.pat)
        #expect(last.text.contains(#""name":"Intro to Work — Complete""#))
        let other = try sim.send("GET", "/v1/badge/?provider_id=5", token: Self.pat)
        #expect(other.status == 200 && other.text.contains(#""items":[]"#))
        #expect(try sim.send("GET", "/v1/badge/", token: Self.pat).status == 400)
        #expect(try sim.send("GET", "/v1/badge/?provider_id=77&keyword=work", token: Self.pat).status == 422)
        #expect(try sim.send("GET", "/v1/badge/?provider_id=77&size=500", token: Self.pat).status == 422)
        #expect(try sim.send("GET", "/v1/badge/?provider_id=77").status == 401)
    }

    @Test func faultsApplyToIssuingAsToTheOtherAPIs() throws {
        let sim = try SimulatorClient { $0.retryAfterSeconds = 3 }
        sim.simulator.failNext(.tooManyRequests)
        let limited = try sim.send("PUT", Self.issuePath, json: Self.body, token: Self.pat)
        #expect(limited.status == 429 && limited.headers["Retry-After"] == "3")
        sim.simulator.failNext(.status(502))
        #expect(try sim.send("PUT", Self.issuePath, json: Self.body, token: Self.pat).status == 502)
        sim.simulator.failNext(.reset)
        // A reset closes the connection without an answer.
        #expect(throws: HTTPResponseRecorder.Unanswered.self) {
            try sim.send("PUT", Self.issuePath, json: Self.body, token: Self.pat)
        }
        #expect(sim.simulator.requests.map(\.fault).suffix(3) == [.tooManyRequests, .status(502), .reset])
        #expect(sim.simulator.awards.allSatisfy { $0.api == "navigatr" })
    }
}
