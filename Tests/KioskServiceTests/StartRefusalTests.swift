import Foundation
import HTTPKit
import KioskCore
import KioskStore
import TestSupport
import Testing
@testable import KioskService

/// `badgekiosk serve` on a state folder it must not trust: it exits 2 with one line, and changes nothing.
@Suite("Start-up refuses a damaged or lost database", .serialized)
struct StartRefusalTests {
    enum Damage: String, CaseIterable {
        case truncatedToZero, zeroed, garbageInTheMiddle, databaseMissing
    }

    @Test(arguments: Damage.allCases)
    func serveRefusesWithOneLineAndExit2(damage: Damage) throws {
        let state = try Self.usedStateFolder()
        let database = "\(state)/\(KioskStore.fileName)"
        switch damage {
        case .truncatedToZero:
            #expect(truncate(database, 0) == 0)
        case .zeroed:
            try Data(count: 96 * 1024).write(to: URL(fileURLWithPath: database))
        case .garbageInTheMiddle:
            let size = try #require(try FileManager.default.attributesOfItem(atPath: database)[.size] as? NSNumber).intValue
            var generator = SystemRandomNumberGenerator()
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: database))
            try handle.seek(toOffset: UInt64(size / 2 / 4096 * 4096))
            try handle.write(contentsOf: Data((0..<16_384).map { _ in UInt8.random(in: 0...255, using: &generator) }))
            try handle.close()
        case .databaseMissing:
            try FileManager.default.removeItem(atPath: database)
        }
        let before = FileManager.default.contents(atPath: database)

        let result = try Self.serve(state)
        #expect(result.status == 2)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "\(result.err)")
        #expect(result.err.hasPrefix("badgekiosk: "))
        switch damage {
        case .truncatedToZero:
            #expect(result.err.contains("is empty (0 bytes)"))
            #expect(result.err.contains("Restore badgekiosk.sqlite from a backup, or delete \(state)/staff-token"))
        case .databaseMissing:
            #expect(result.err.contains("is missing"))
            #expect(result.err.contains("Restore badgekiosk.sqlite from a backup"))
        case .zeroed, .garbageInTheMiddle:
            #expect(result.err.contains("is damaged ("))
            #expect(result.err.contains("Restore badgekiosk.sqlite from a backup"))
        }
        // Nothing was replaced or repaired behind the admin's back.
        #expect(FileManager.default.contents(atPath: database) == before)
    }

    @Test func adminCommandsRefuseAFolderThatLostItsDatabase() throws {
        let state = try Self.usedStateFolder()
        try FileManager.default.removeItem(atPath: "\(state)/\(KioskStore.fileName)")
        let result = try BuiltBinary.run(["badges", "list", "--state-dir", state], environment: ["BADGEKIOSK_CONFIG": "/dev/null"])
        #expect(result.status == 2)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.contains("is missing"))
        #expect(!FileManager.default.fileExists(atPath: "\(state)/\(KioskStore.fileName)"))
    }

    @Test func anEmptyStaffTokenIsReplacedAtStart() throws {
        let directory = try TestFolder.make()
        let state = "\(directory)/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        // What a power cut between creating the token file and writing it leaves at first start.
        #expect(FileManager.default.createFile(atPath: "\(state)/staff-token", contents: Data()))
        let server = try ServiceProcess(executable: BuiltBinary.path, stateDirectory: state)
        defer { server.stop() }
        let token = try String(contentsOfFile: "\(state)/staff-token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count >= 40)
        let client = try HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let reply = try client.send(method: "GET", path: "/api/v1/badges", headers: .init([("Authorization", "Bearer \(token)")]))
        #expect(reply.status == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasPrefix(".staff-token") }.isEmpty)
    }

    @Test func tokensAreKeptWrittenWholeAndEmptyOnesReplaced() throws {
        let folder = try TestFolder.make()
        let first = try StaffToken.loadOrCreate(in: folder)
        #expect(try StaffToken.loadOrCreate(in: folder).value == first.value)
        #expect(try String(contentsOfFile: "\(folder)/staff-token", encoding: .utf8) == first.value + "\n")
        #expect(try StaffToken.isPresent(in: folder))

        try Data("  \n".utf8).write(to: URL(fileURLWithPath: "\(folder)/staff-token"))
        #expect(try !StaffToken.isPresent(in: folder))
        let second = try StaffToken.loadOrCreate(in: folder)
        #expect(second.value != first.value && !second.value.isEmpty)
        #expect(try String(contentsOfFile: "\(folder)/staff-token", encoding: .utf8) == second.value + "\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/staff-token")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["staff-token"])
    }

    /// A state folder a service has run in and stopped: database with a claim, staff token.
    static func usedStateFolder() throws -> String {
        let state = try TestFolder.make() + "/state"
        let store = try KioskStore(directory: state)
        try store.upsertBadge(Badge(id: "day-1", name: "Day 1"))
        let session = try store.createSession(title: "Used", badgeIDs: ["day-1"], expected: 500, at: .now())
        let code = try store.endSession(id: session.id, policy: CodePolicy(), at: .now())
        for learner in 0..<200 {
            _ = try store.submitClaim(ClaimSubmission(
                codeID: code.id, claimant: try Claimant(name: "L", email: "l\(learner)@example.org", consent: true),
                newClaimID: "claim-\(learner)", at: .now()))
        }
        store.close()
        _ = try StaffToken.loadOrCreate(in: state)
        return state
    }

    /// Runs `serve` on `state`; a service that starts after all is stopped, so a failing test cannot hang.
    static func serve(_ state: String) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltBinary.path)
        process.arguments = ["serve", "--state-dir", state, "--listen", "127.0.0.1:0"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BADGEKIOSK_") }
        environment["BADGEKIOSK_CONFIG"] = "/dev/null"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let reader = Thread {
            let limit = Date().addingTimeInterval(60)
            while process.isRunning, Date() < limit { usleep(20_000) }
            if process.isRunning { process.terminate() }
        }
        reader.start()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
