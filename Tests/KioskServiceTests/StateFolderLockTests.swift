import Foundation
import KioskStore
import Testing
@testable import KioskService

@Suite("One service per state folder")
struct StateFolderLockTests {
    @Test func aSecondServiceOnTheSameFolderIsRefusedUntilTheFirstStops() throws {
        var configuration = ServiceConfiguration()
        configuration.stateDirectory = try TestFolder.make() + "/state"
        configuration.listenHost = "127.0.0.1"
        configuration.listenPort = 0
        let first = try ServiceHost(configuration: configuration) { _ in }
        #expect {
            _ = try ServiceHost(configuration: configuration) { _ in }
        } throws: { error in
            guard case .refused(let reason) = error as? ServiceHostError else { return false }
            return reason.contains("another badgekiosk serve, or a restore, is using the state folder")
        }
        // A restore is refused while it runs, and the database is left alone.
        let running = StoreError.invalid("the service is running on \(configuration.stateDirectory); "
                                         + "stop it first (sudo systemctl stop badgekiosk), then restore")
        #expect(throws: running) {
            try StoreBackup.restore(from: "/nonexistent", stateDirectory: configuration.stateDirectory)
        }
        first.stop(grace: 0)
        let second = try ServiceHost(configuration: configuration) { _ in }
        second.stop(grace: 0)
    }
}
