import Foundation
import HTTPKit
import KioskCore
import KioskService
import KioskStore
import Testing
@testable import KioskFront

/// The front's requests against a real service over loopback: a claim's key, the learner's yes, and the
/// line in the next sessions read, which is the one read the first screen refreshes with.
@Suite("Front: celebration lines from a real service")
struct CelebrationServiceTests {
    @Test func aClaimsKeySaysYesAndTheSessionsReadBringsTheLine() throws {
        let directory = NSTemporaryDirectory() + "badgekiosk-front-celebrate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try KioskStore(directory: directory)
        defer { store.close() }
        try store.upsertBadge(Badge(id: "d4", name: "Intro to Work - Day 4"))
        var configuration = ServiceConfiguration()
        configuration.stateDirectory = directory
        let token = try StaffToken.loadOrCreate(in: directory)
        let service = try KioskService(configuration: configuration, store: store, staffToken: token)
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: service) { _ in }
        let port = try server.start()
        defer { server.shutdown(grace: 1) }
        let client = ServiceClient(address: try #require(ServiceAddress("http://127.0.0.1:\(port)")), token: token.value)
        let options = SlipOptions(directory: directory)

        guard case .sessionStarted(.success(let id)) = client.perform(.startSession(title: "Intro to Work - Day 4", badges: ["d4"],
                                                                                    expected: 5), slips: options),
              case .sessionEnded(_, .success(let code)) = client.perform(.endSession(id), slips: options) else {
            Issue.record("the session did not start and end")
            return
        }
        guard case .claimed(.success(let receipt)) = client.perform(.submitClaim(code: code.token, name: "Amira Khan",
                                                                                 email: "amira@example.com"), slips: options) else {
            Issue.record("the claim was not stored")
            return
        }
        let key = try #require(receipt.celebrate)
        #expect(client.perform(.celebrate(key: key), slips: options) == .celebrated(nil))
        #expect(client.perform(.celebrate(key: "not-a-key"), slips: options)
                    == .celebrated(ServiceFailure(status: 404, code: "not_found", message: "There is nothing at this address.")))
        guard case .sessions(.success(let snapshot)) = client.perform(.loadSessions, slips: options) else {
            Issue.record("the sessions were not read")
            return
        }
        #expect(snapshot.todayClaims == 1)
        #expect(snapshot.celebrations.map(\.name) == ["Amira"])
        #expect(snapshot.celebrations.map(\.sessionTitle) == ["Intro to Work - Day 4"])
        let left = try #require(snapshot.celebrations.first?.secondsLeft)
        #expect(left > 590 && left <= Double(Celebrations.showSeconds))
    }
}
