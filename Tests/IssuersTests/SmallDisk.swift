import Foundation
import KioskStore
import Testing

/// A small tmpfs mounted for one test, which the test can fill to the last byte and free again.
///
/// Mounting needs root (the sandbox and the appliance build run tests as root); elsewhere the tests
/// that need it are skipped.
final class SmallDisk {
    static var permitted: Bool { geteuid() == 0 }

    let path: String
    private var filler: String { path + "/filler" }

    /// Mounts a tmpfs of `megabytes` on a fresh folder, runs `body`, then unmounts it (after `body` has
    /// released everything it opened there).
    static func with(megabytes: Int, _ body: (SmallDisk) throws -> Void) throws {
        let disk = try SmallDisk(megabytes: megabytes)
        defer { disk.unmount() }
        try body(disk)
    }

    private init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "badgekiosk-small-disk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", path])
        guard status == 0 else { throw SmallDiskError(description: "mount exited with \(status)") }
    }

    /// Writes a file until the disk has no room left at all.
    func fill() throws {
        guard FileManager.default.createFile(atPath: filler, contents: nil),
              let handle = FileHandle(forWritingAtPath: filler) else {
            throw SmallDiskError(description: "the filler file could not be made")
        }
        defer { try? handle.close() }
        for chunk in [1 << 20, 1 << 16, 1 << 12, 1 << 9] {
            let bytes = Data(count: chunk)
            while (try? handle.write(contentsOf: bytes)) != nil {}
        }
    }

    /// Gives back the room `fill` took.
    func free() throws {
        try FileManager.default.removeItem(atPath: filler)
    }

    /// Folds the store's write-ahead log into the database and empties it, so every later commit
    /// needs new room on the disk (a log that was longer before would otherwise be written over).
    func emptyLog(of store: KioskStore) throws {
        let connection = try Connection.open(path: store.path, readOnly: false)
        defer { connection.close() }
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private func unmount() {
        _ = try? Self.run("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

struct SmallDiskError: Error, CustomStringConvertible {
    var description: String
}
