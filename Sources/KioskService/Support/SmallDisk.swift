import Foundation
import KioskStore

/// A small tmpfs mounted for a drill, which the drill can fill to the last byte and free again:
/// for the storage tests and `badgekiosk bench soak`.
///
/// Mounting needs root (the sandbox and the appliance build run tests as root); elsewhere the drills
/// that need it are skipped.
public final class SmallDisk {
    public static var permitted: Bool { geteuid() == 0 }

    public let path: String
    private var filler: String { path + "/filler" }

    /// Mounts a tmpfs of `megabytes` on `path` (made if missing; a fresh temporary folder when nil),
    /// runs `body`, then unmounts it (after `body` has released everything it opened there).
    public static func with<Result>(megabytes: Int, at path: String? = nil, _ body: (SmallDisk) throws -> Result) throws -> Result {
        let disk = try SmallDisk(megabytes: megabytes, path: path)
        defer { disk.unmount() }
        return try body(disk)
    }

    private init(megabytes: Int, path: String?) throws {
        self.path = path ?? NSTemporaryDirectory() + "badgekiosk-small-disk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
        let status = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", self.path])
        guard status == 0 else { throw SmallDiskError(description: "mount exited with \(status)") }
    }

    /// Writes a file until the disk has no room left at all.
    public func fill() throws {
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
    public func free() throws {
        try FileManager.default.removeItem(atPath: filler)
    }

    /// Folds the write-ahead log of the database at `database` into it and empties the log, so every
    /// later commit needs new room on the disk (a log that was longer before would otherwise be
    /// written over). A service may have the database open meanwhile.
    public func emptyLog(database: String) throws {
        let connection = try Connection.open(path: database, readOnly: false)
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

/// Mounting, filling or waiting on a `SmallDisk` went wrong; says what, in plain words.
public struct SmallDiskError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
