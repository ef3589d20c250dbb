import Foundation
import HTTPCore
import HTTPKit
import KioskCore
import KioskStore
import Posix
import TestSupport
import Testing
@testable import KioskService

@Suite("Durability: an acknowledged claim survives kill -9", .serialized)
struct DurabilityTests {
    /// 500 claims on 32 connections; the service is killed with SIGKILL while claims are in flight.
    /// Every claim that was answered 201 must be in the database afterwards, every round.
    @Test(arguments: 1...3)
    func everyAcknowledgedClaimSurvivesKill9(round: Int) throws {
        let directory = try TestFolder.make()
        let state = "\(directory)/state"
        do {
            let store = try KioskStore(directory: state)
            try store.upsertBadge(Badge(id: "day-1", name: "Day 1"))
            try store.upsertBadge(Badge(id: "day-2", name: "Day 2"))
            store.close()
        }
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state)
        let token = try String(contentsOfFile: "\(state)/staff-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let staff = try HTTPClient(host: "127.0.0.1", port: server.port)
        let auth = HTTPHeaders([("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")])
        let created = Reply(try staff.send(method: "POST", path: "/api/v1/sessions", headers: auth,
                                           body: Array(#"{"title":"Kill","badges":["day-1","day-2"],"expected":1000}"#.utf8)))
        let sessionID = try #require(created.object("session")?["id"] as? Int)
        let ended = Reply(try staff.send(method: "POST", path: "/api/v1/sessions/\(sessionID)/end", headers: auth))
        let code = try #require(ended.object("code")?["token"] as? String)
        staff.close()

        let acknowledged = LockedLines()
        let sequence = Locked(0)
        let killAfter = 100 + round * 50
        let group = DispatchGroup()
        for _ in 0..<32 {
            group.enter()
            Thread {
                defer { group.leave() }
                guard let client = try? HTTPClient(host: "127.0.0.1", port: server.port, timeout: 5) else { return }
                defer { client.close() }
                while true {
                    let number = sequence.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard number < 500 else { return }
                    let body = #"{"code":"\#(code)","name":"Learner \#(number)","email":"l\#(number)@example.com","consent":true}"#
                    // With the staff token, as the kiosk's front claims: one address stands for 500 learners.
                    guard let response = try? client.send(method: "POST", path: "/api/v1/claims", headers: auth,
                                                          body: Array(body.utf8)) else { return }
                    if response.status == 201, let id = Reply(response).object("claim")?["id"] as? String {
                        if acknowledged.append(id) == killAfter { kill(server.process.processIdentifier, SIGKILL) }
                    }
                }
            }.start()
        }
        group.wait()
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .uncaughtSignal)

        let acked = Set(acknowledged.all)
        #expect(acked.count >= killAfter)
        let store = try KioskStore(directory: state)
        defer { store.close() }
        let stored = Set(try store.claims(sessionID: Int64(sessionID)).map(\.id))
        #expect(acked.isSubset(of: stored), "lost \(acked.subtracting(stored).count) acknowledged claims")
        let awards = try store.outboxSummary().counts[.queued] ?? 0
        #expect(awards == stored.count * 2)
    }
}
