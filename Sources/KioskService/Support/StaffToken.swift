@preconcurrency import Glibc
import KioskCore
import Posix

/// The secret staff endpoints require, kept in `<state-dir>/staff-token` (mode 0600) and made at first start.
public struct StaffToken: Sendable {
    public static let fileName = "staff-token"

    public let value: String

    /// Reads the token from `directory`, creating it (256 random bits) if there is none yet.
    ///
    /// An empty file counts as none: it is what a power cut between creating the file and writing
    /// it leaves. A new token is written whole to a temporary file, synced, and only then given its
    /// name, and the folder is synced, so after any power cut the token is either whole or absent.
    public static func loadOrCreate(in directory: String) throws -> StaffToken {
        let path = "\(directory)/\(fileName)"
        if let existing = try read(path) { return StaffToken(value: existing) }
        var generator = SystemRandomNumberGenerator()
        let token = RandomToken.make(bytes: 32, using: &generator)
        let temporary = "\(directory)/.\(fileName).\(getpid())"
        try writeSynced(Array("\(token)\n".utf8), to: temporary)
        // link never replaces a file: if two processes start at once, one creates and both read what it wrote.
        switch systemCall("link \(path)", { link(temporary, path) }) {
        case .success:
            _ = systemCall("unlink \(temporary)") { unlink(temporary) }
        case .failure(let error) where error.code == EEXIST:
            if let raced = try read(path) {
                _ = systemCall("unlink \(temporary)") { unlink(temporary) }
                return StaffToken(value: raced)
            }
            try retryingEINTR("rename \(temporary)") { rename(temporary, path) }
        case .failure(let error):
            _ = systemCall("unlink \(temporary)") { unlink(temporary) }
            throw error
        }
        try FileDescriptor.sync(directory)
        return StaffToken(value: try read(path) ?? token)
    }

    /// True when `directory` holds a token: the sign that a service has already run there.
    public static func isPresent(in directory: String) throws -> Bool {
        try read("\(directory)/\(fileName)") != nil
    }

    /// True when an `Authorization` header carries this token; compared in constant time.
    public func authorizes(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        return ConstantTime.equal(String(header.dropFirst(7)).trimmingWhitespace(), value)
    }

    /// The token in `path`, or nil when there is no such file yet or it is empty.
    private static func read(_ path: String) throws -> String? {
        switch FileDescriptor.readFile(path, limit: 4096) {
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            return text.isEmpty ? nil : text
        case .failure(let error) where error.code == ENOENT: return nil
        case .failure(let error): throw error
        }
    }

    /// Writes `bytes` as the whole of `path` (readable by the owner only) and syncs them to disk.
    private static func writeSynced(_ bytes: [UInt8], to path: String) throws {
        let fd = try retryingEINTR("open \(path)") { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600) }
        defer { FileDescriptor.close(fd) }
        try bytes.withUnsafeBytes { try FileDescriptor.writeAll(fd, $0) }
        try retryingEINTR("fsync \(path)") { fsync(fd) }
    }
}
