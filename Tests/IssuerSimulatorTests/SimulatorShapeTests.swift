import Foundation
import Testing
@testable import IssuerSimulator
import TestSupport

@Suite("The simulator holds requests to the documented shapes")
struct SimulatorShapeTests {
    static let obfBody = #"{"recipient":["Amira <amira@example.com>"],"issued_on":1764000000,"api_consumer_id":"badgekiosk","log_entry":{"claim":"c1","venue":"Hall"},"send_email":1}"#
    static let badgrBody = #"{"recipient":{"identity":"amira@example.com","type":"email","hashed":true},"issuedOn":"2025-11-24T16:00:00Z","notify":true,"allowDuplicateAwards":false}"#

    @Test func obfIssueAnswers201WithEventLocationAndKeepsTheAward() throws {
        let sim = try SimulatorClient()
        let reply = try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody, token: try sim.token())
        #expect(reply.status == 201)
        let award = try #require(sim.simulator.awards.first)
        #expect(reply.headers["Location"] == "/v1/event/demo/\(award.id)")
        #expect(award.email == "amira@example.com" && award.name == "Amira" && award.claim == "c1" && award.api == "obf")
        let listed = try sim.send("GET", "/_sim/awards")
        #expect(listed.text.contains(#""badge":"intro-to-work-day-1""#))
    }

    @Test(arguments: [
        #"{"recipient":["Amira <amira@example.com>"],"issued_on":1764000000,"api_consumer_id":"badgekiosk","log_entry":{},"send_email":1,"extra":1}"#,
        #"{"recipient":["amira@example.com"],"issued_on":1764000000,"api_consumer_id":"badgekiosk","log_entry":{},"send_email":1}"#,
        #"{"recipient":["Amira <amira@example.com>"],"issued_on":"2025-11-24","api_consumer_id":"badgekiosk","log_entry":{},"send_email":1}"#,
        #"{"recipient":["Amira <amira@example.com>"],"issued_on":1764000000000,"api_consumer_id":"badgekiosk","log_entry":{},"send_email":1}"#,
        #"{"recipient":["Amira <amira@example.com>"],"issued_on":1764000000,"log_entry":{},"send_email":1}"#,
        #"[1,2]"#,
    ])
    func obfRefusesDriftedBodies(body: String) throws {
        let sim = try SimulatorClient()
        let reply = try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: body, token: try sim.token())
        #expect(reply.status == 400)
        #expect(sim.simulator.awards.isEmpty)
    }

    @Test func obfRefusesWrongCredentialsTokensAndBadges() throws {
        let sim = try SimulatorClient()
        #expect(try sim.send("POST", "/v1/client/oauth2/token",
                             form: "grant_type=client_credentials&client_id=demo&client_secret=nope").status == 401)
        #expect(try sim.send("POST", "/v1/client/oauth2/token", json: #"{"grant_type":"client_credentials"}"#).status == 400)
        #expect(try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody, token: "forged").status == 401)
        #expect(try sim.send("POST", "/v1/badge/demo/no-such-badge", json: Self.obfBody, token: try sim.token()).status == 404)
        #expect(sim.simulator.awards.isEmpty)
    }

    @Test func obfListsBadgesAndEventsOnePerLine() throws {
        let sim = try SimulatorClient()
        let token = try sim.token()
        let badges = try sim.send("GET", "/v1/badge/demo", token: token)
        #expect(badges.text.split(separator: "\n").count == SimulatedBadge.demoCatalogue.count)
        _ = try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody, token: token)
        let events = try sim.send("GET", "/v1/event/demo?badge_id=intro-to-work-day-1&email=amira%40example.com&api_consumer_id=badgekiosk",
                                  token: token)
        #expect(events.text.split(separator: "\n").count == 1)
        #expect(events.text.contains(#""claim":"c1""#))
        let none = try sim.send("GET", "/v1/event/demo?badge_id=intro-to-work-day-2&email=amira%40example.com", token: token)
        #expect(none.text.isEmpty)
    }

    @Test func badgrWrapsAnswersAndRefusesRepeatAwards() throws {
        let sim = try SimulatorClient()
        let token = try sim.token(badgr: true)
        let first = try sim.send("POST", "/v2/badgeclasses/intro-to-work-day-1/assertions", json: Self.badgrBody, token: token)
        #expect(first.status == 201)
        #expect(first.text.contains(#""success":true"#))
        let again = try sim.send("POST", "/v2/badgeclasses/intro-to-work-day-1/assertions", json: Self.badgrBody, token: token)
        #expect(again.status == 400)
        #expect(again.text.contains("A previous award of this badge already exists for this recipient."))
        #expect(sim.simulator.awards.count == 1)
        let listed = try sim.send("GET", "/v2/badgeclasses/intro-to-work-day-1/assertions?recipient=amira%40example.com", token: token)
        #expect(listed.text.contains(sim.simulator.awards[0].id))
    }

    @Test(arguments: [
        #"{"recipient":{"identity":"amira@example.com","type":"email"},"issuedOn":"2025-11-24T16:00:00Z","notify":true,"allowDuplicateAwards":false}"#,
        #"{"recipient":{"identity":"amira@example.com","type":"email","hashed":true},"issuedOn":"yesterday","notify":true,"allowDuplicateAwards":false}"#,
        #"{"recipient":{"identity":"amira@example.com","type":"email","hashed":true},"issuedOn":"2025-11-24T16:00:00Z","notify":"yes","allowDuplicateAwards":false}"#,
        #"{"recipient":"amira@example.com","issuedOn":"2025-11-24T16:00:00Z","notify":true,"allowDuplicateAwards":false}"#,
    ])
    func badgrRefusesDriftedBodies(body: String) throws {
        let sim = try SimulatorClient()
        let reply = try sim.send("POST", "/v2/badgeclasses/intro-to-work-day-1/assertions", json: body, token: try sim.token(badgr: true))
        #expect(reply.status == 400)
        #expect(sim.simulator.awards.isEmpty)
    }

    @Test func forcedFaultsAnswerAsSpecified() throws {
        let sim = try SimulatorClient { $0.retryAfterSeconds = 7 }
        let token = try sim.token()
        sim.simulator.failNext(.tooManyRequests)
        let limited = try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody, token: token)
        #expect(limited.status == 429)
        #expect(limited.headers["Retry-After"] == "7")
        sim.simulator.failNext(.status(503))
        #expect(try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody, token: token).status == 503)
        sim.simulator.failNext(.reset)
        // A reset closes the connection without an answer.
        #expect(throws: HTTPResponseRecorder.Unanswered.self) {
            try sim.send("POST", "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody, token: token)
        }
        #expect(sim.simulator.requests.map(\.fault).suffix(3) == [.tooManyRequests, .status(503), .reset])
    }

    @Test func timeoutFaultStoresTheAwardButNeverAnswers() throws {
        let sim = try SimulatorClient()
        let token = try sim.token()
        sim.simulator.failNext(.timeout)
        let held = sim.rig.start(sim.rig.makeRequest(.post, "/v1/badge/demo/intro-to-work-day-1", json: Self.obfBody,
                                                     headers: [("Authorization", "Bearer \(token)")]))
        #expect(throws: HTTPResponseRecorder.Unanswered.self) { try held.wait(timeout: 0.3) }
        #expect(sim.simulator.awards.count == 1)
    }

    @Test func tokensStopWorkingAfterTheInjectedExpiry() throws {
        let sim = try SimulatorClient { $0.faults = try! FaultSpec(parsing: "token-expiry:0.2s") }
        let token = try sim.token()
        let lines = try sim.send("GET", "/v1/badge/demo", token: token)
        #expect(lines.status == 200)
        // Ask until the token stops working: it must within a few seconds, never sooner than it was used.
        let limit = Date().addingTimeInterval(5)
        var status = 200
        while status == 200 && Date() < limit { status = try sim.send("GET", "/v1/badge/demo", token: token).status }
        #expect(status == 401)
    }
}
