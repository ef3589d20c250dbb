import Foundation
import KioskStore
import Testing
@testable import KioskService

@Suite("Store failures are logged with their cause", .serialized)
struct StorageFailureTests {
    @Test func every503FromTheStoreIsLoggedWithoutPersonalData() throws {
        let kiosk = try TestKiosk()
        let code = try kiosk.endedSession()
        #expect(try kiosk.request("GET", "/healthz").status == 200)
        kiosk.store.close()

        let claim = try kiosk.claim(code: code.token, name: "Amira", email: "amira@example.com")
        #expect(claim.status == 503)
        #expect(claim.errorCode == "storage_unavailable")
        #expect(try kiosk.request("GET", "/api/v1/sessions", staff: true).status == 503)
        #expect(try kiosk.request("POST", "/api/v1/sessions/\(code.id)/end", staff: true).status == 503)

        let lines = kiosk.serviceLog.all
        #expect(lines.contains("storage: could not save a claim: The store is closed."), "\(lines)")
        #expect(lines.contains("storage: could not read the database: The store is closed."), "\(lines)")
        #expect(lines.allSatisfy { !$0.contains("amira") && !$0.contains("Amira") && !$0.contains(code.token) })
    }

    @Test func healthIsOKWhileTheStoreWrites() throws {
        let kiosk = try TestKiosk()
        let reply = try kiosk.request("GET", "/healthz")
        #expect(reply.status == 200)
        #expect(reply.json["status"] as? String == "ok")
        #expect(kiosk.store.storageFault == nil)
    }
}
