import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
@testable import KioskService
import KioskStore
import TestSupport

/// The service with a forwarder attached, over a drill's store, called in memory.
final class ServiceRig: Sendable {
    let drill: Drill
    let service: KioskService
    let rig: ResponderRig

    init(_ drill: Drill, forwarder: Forwarder, log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.drill = drill
        var configuration = ServiceConfiguration()
        configuration.listenHost = "127.0.0.1"
        configuration.listenPort = 0
        configuration.stateDirectory = drill.folder
        let staff = try StaffToken.loadOrCreate(in: drill.folder)
        service = try KioskService(configuration: configuration, store: drill.store, staffToken: staff, log: log)
        service.attach(forwarder)
        rig = ResponderRig(service, staffToken: staff.value)
    }

    func send(_ method: String, _ path: String, json: String? = nil, staff: Bool = true) throws -> (status: Int, json: [String: Any]) {
        let reply = try rig.request(HTTPMethod(rawValue: method), path, json: json, staff: staff)
        return (reply.status.code, (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:])
    }
}

@Suite("Forwarding inside the service", .serialized)
struct ServiceForwardingTests {
    @Test func offlineClaimsAreAcceptedAndDrainWhenTheIssuerReturns() throws {
        let drill = try Drill(startSimulator: false)
        let rig = try ServiceRig(drill, forwarder: try drill.startForwarder(cap: 0.2))
        let session = try rig.send("POST", "/api/v1/sessions", json: #"{"title":"Offline","badges":["intro-to-work-day-2"],"expected":40}"#)
        let id = try #require((session.json["session"] as? [String: Any])?["id"] as? Int)
        let code = try #require((try rig.send("POST", "/api/v1/sessions/\(id)/end").json["code"] as? [String: Any])?["token"] as? String)
        // From the kiosk's front (the staff token): one phone could make only a few new claims with a code.
        for number in 0..<30 {
            let claim = try rig.send("POST", "/api/v1/claims", json: #"{"code":"\#(code)","name":"Sam","email":"sam\#(number)@example.org","consent":true}"#)
            #expect(claim.status == 201)
        }
        // Wait for the forwarder to meet the closed port (the limit only stops a hung test).
        let limit = Date().addingTimeInterval(30)
        while try drill.store.outboxSummary().lastErrors.isEmpty, Date() < limit { usleep(10_000) }
        let outbox = try rig.send("GET", "/api/v1/outbox")
        #expect((outbox.json["counts"] as? [String: Int])?["sent"] == 0)
        // Offline shows as the issuer unreachable, or as waiting to ask it for a sign-in token again.
        let errors = (outbox.json["lastErrors"] as? [[String: Any]] ?? []).compactMap { $0["error"] as? String }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.contains("could not be reached") || $0.contains("sign-in token") }, "\(errors)")
        var configuration = drill.simulator.configuration
        configuration.port = drill.port
        drill.simulator = IssuerSimulator(configuration: configuration)
        _ = try drill.simulator.start()
        try drill.awaitSettled(total: 30)
        try drill.expectExactlyOnce(30)
        let after = try rig.send("GET", "/api/v1/outbox")
        #expect((after.json["counts"] as? [String: Int]) == ["queued": 0, "sending": 0, "sent": 30, "failed": 0, "unsure": 0, "waiting": 0, "lapsed": 0])
        #expect((after.json["forwarding"] as? [String: Any])?["issuer"] as? String == "obf")
        // A learner whose phone sends the claim again now hears that it has gone to the issuer.
        let repeated = try rig.send("POST", "/api/v1/claims", json: #"{"code":"\#(code)","name":"Sam","email":"sam0@example.org","consent":true}"#,
                                    staff: false)
        #expect(repeated.status == 200)
        #expect((repeated.json["claim"] as? [String: Any])?["state"] as? String == "sent")
    }

    @Test func operatorRetriesAParkedAwardOverTheAPI() throws {
        let drill = try Drill()
        drill.simulator.failNext(.status(422))
        let rig = try ServiceRig(drill, forwarder: try drill.startForwarder(concurrency: 1))
        try drill.claim(1)
        try drill.awaitSettled(total: 1)
        let parked = try #require((try rig.send("GET", "/api/v1/outbox").json["lastErrors"] as? [[String: Any]])?.first)
        let award = try #require(parked["award"] as? Int)
        #expect((parked["error"] as? String)?.hasPrefix("HTTP 422") == true)
        #expect(try rig.send("POST", "/api/v1/outbox/\(award)/retry", staff: false).status == 401)
        #expect(try rig.send("POST", "/api/v1/outbox/999999/retry").status == 404)
        #expect(try rig.send("POST", "/api/v1/outbox/\(award)/retry").status == 200)
        try drill.awaitSettled(total: 1)
        try drill.expectExactlyOnce(1)
        #expect(try rig.send("POST", "/api/v1/outbox/\(award)/retry").status == 409)
    }

    @Test func badgesSyncFetchesTheCatalogue() throws {
        let drill = try Drill()
        let rig = try ServiceRig(drill, forwarder: try drill.startForwarder())
        try drill.store.upsertBadge(Badge(id: "intro-to-work-complete", name: "Old name"))
        let reply = try rig.send("POST", "/api/v1/badges/sync")
        #expect(reply.status == 200)
        #expect(reply.json["synced"] as? Int == SimulatedBadge.demoCatalogue.count)
        #expect(try drill.store.badge(id: "intro-to-work-complete")?.name == "Intro to Work — Complete")
    }

    @Test func withoutAnIssuerClaimsStayQueuedAndTheOutboxSaysSo() throws {
        let drill = try Drill()
        let idle = Forwarder(store: drill.store, issuer: nil, settings: ForwarderSettings(retentionDays: nil))
        try idle.start()
        defer { idle.stop() }
        let rig = try ServiceRig(drill, forwarder: idle)
        try drill.claim(2)
        let outbox = try rig.send("GET", "/api/v1/outbox")
        #expect((outbox.json["counts"] as? [String: Int])?["queued"] == 2)
        let forwarding = try #require(outbox.json["forwarding"] as? [String: Any])
        #expect(forwarding["state"] as? String == "off")
        #expect((forwarding["message"] as? String)?.contains("No issuer is configured") == true)
        #expect(try rig.send("POST", "/api/v1/badges/sync").status == 409)
        #expect(drill.simulator.requests.isEmpty)
    }
}
