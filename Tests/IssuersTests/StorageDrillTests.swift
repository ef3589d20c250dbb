import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskService
import KioskStore
import Posix

/// Storage drills on a small tmpfs: the disk fills up in the middle of a drain and is freed again.
@Suite("Storage faults end well", .serialized)
struct StorageDrillTests {
    @Test(.enabled(if: SmallDisk.permitted, "mounting a tmpfs needs root"))
    func aFullDiskIsReportedUntilAWriteSucceeds() throws {
        try SmallDisk.with(megabytes: 8) { disk in
            let store = try KioskStore(directory: disk.path + "/state")
            defer { store.close() }
            try store.upsertBadges(Drill.badges)
            let session = try store.createSession(title: "Full", badgeIDs: [Drill.badges[0].id], expected: 10, at: .now())
            let code = try store.endSession(id: session.id, policy: CodePolicy(), at: .now())
            func claim(_ number: Int) throws -> ClaimOutcome {
                try store.submitClaim(ClaimSubmission(
                    codeID: code.id, claimant: try Claimant(name: "L", email: "l\(number)@example.org", consent: true),
                    newClaimID: "claim-\(number)", at: .now()))
            }
            _ = try claim(1)
            #expect(store.storageFault == nil)
            try disk.emptyLog(database: store.path)
            try disk.fill()

            #expect(throws: StoreError.self) { try claim(2) }
            let fault = try #require(store.storageFault)
            #expect(fault.kind == .full)
            #expect(fault.description.hasPrefix("The disk is full"))
            // Reads still work, and a check that cannot write leaves the fault standing.
            #expect(try store.outboxSummary().counts[.queued] == 1)
            #expect(Self.check(store)?.kind == .full)

            try disk.free()
            #expect(Self.check(store) == nil)
            #expect(store.storageFault == nil)
            guard case .created = try claim(3) else { Issue.record("a claim was refused after the disk was freed"); return }
        }
    }

    @Test(.enabled(if: SmallDisk.permitted, "mounting a tmpfs needs root"))
    func diskFullMidDrainEndsEveryAwardSentOnceWithoutARestart() throws {
        try SmallDisk.with(megabytes: 16) { disk in
            let drill = try Drill(folder: disk.path + "/state") {
                $0.faults = try! FaultSpec(parsing: "slow:1")
                $0.slowSeconds = 0.03
            }
            try drill.claim(200)
            try disk.emptyLog(database: drill.store.path)
            let log = LockedLog()
            let forwarder = try drill.startForwarder()
            let rig = try ServiceRig(drill, forwarder: forwarder, log: { log.append($0) })
            let watcher = OutboxWatcher(rig, total: 200)

            try Self.await("some awards sent") { (try drill.store.outboxSummary().counts[.sent] ?? 0) >= 20 }
            try disk.fill()
            try Self.await("an outcome kept in memory") { forwarder.unsavedCount > 0 }

            let health = try rig.send("GET", "/healthz", staff: false)
            #expect(health.status == 503)
            let problem = try #require(health.json["error"] as? [String: Any])
            #expect(problem["code"] as? String == "storage_failing")
            #expect((problem["message"] as? String)?.hasPrefix("The disk is full") == true)
            let session = try #require(try drill.store.sessions(limit: 1).first?.code)
            let refused = try rig.send("POST", "/api/v1/claims",
                                       json: #"{"code":"\#(session.token)","name":"Late","email":"late@example.org","consent":true}"#,
                                       staff: false)
            #expect(refused.status == 503)
            #expect(log.lines.contains { $0.contains("could not save a claim") && $0.contains("The disk is full") },
                    "\(log.lines)")

            try disk.free()
            try drill.awaitSettled(total: 200)
            watcher.stop()
            #expect(watcher.violations.isEmpty, "\(watcher.violations)")
            #expect(watcher.sawUnsaved)
            try drill.expectExactlyOnce(200)
            #expect(forwarder.unsavedCount == 0)
            #expect(try rig.send("GET", "/healthz", staff: false).status == 200)
            let outbox = try rig.send("GET", "/api/v1/outbox")
            #expect((outbox.json["forwarding"] as? [String: Any])?["message"] as? String == "Everything has been sent to Open Badge Factory.")
        }
    }

    /// The fault left after the store's own write check.
    static func check(_ store: KioskStore) -> StorageFault? {
        let answer = Locked<StorageFault??>(nil)
        let done = DispatchSemaphore(value: 0)
        store.checkStorage { fault in
            answer.withLock { $0 = fault }
            done.signal()
        }
        done.wait()
        return answer.withLock { $0 } ?? nil
    }

    /// Waits until `condition` holds; the two-minute limit only stops a hung drill.
    static func await(_ what: String, _ condition: () throws -> Bool) throws {
        let limit = Date().addingTimeInterval(120)
        while try !condition() {
            guard Date() < limit else { throw SmallDiskError(description: "gave up waiting for \(what)") }
            usleep(5_000)
        }
    }
}
