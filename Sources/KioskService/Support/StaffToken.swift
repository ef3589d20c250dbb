@preconcurrency import Glibc
import KioskCore
import Posix

/// The secret staff endpoints require, kept in `<state-dir>/staff-token` (mode 0600) and made at first start.
public struct StaffToken: Sendable {
    public static let fileName = "staff-token"

    public let value: String

    /// Reads the token from `directory`, creating it (256 random bits) if there is none yet.
    public static func loadOrCreate(in directory: String) throws -> StaffToken {
        let path = "\(directory)/\(fileName)"
        if let existing = try read(path) { return StaffToken(value: existing) }
        var generator = SystemRandomNumberGenerator()
        let token = RandomToken.make(bytes: 32, using: &generator)
        // O_EXCL: if two processes start at once, one creates and the other reads what it wrote.
        let fd: Int32
        switch systemCall("open \(path)", { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }) {
        case .success(let opened): fd = opened
        case .failure(let error) where error.code == EEXIST:
            guard let raced = try read(path) else { throw error }
            return StaffToken(value: raced)
        case .failure(let error): throw error
        }
        defer { FileDescriptor.close(fd) }
        try Array("\(token)\n".utf8).withUnsafeBytes { try FileDescriptor.writeAll(fd, $0) }
        try retryingEINTR("fsync \(path)") { fsync(fd) }
        return StaffToken(value: token)
    }

    /// True when an `Authorization` header carries this token; compared in constant time.
    public func authorizes(_ header: String?) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        return ConstantTime.equal(String(header.dropFirst(7)).trimmingWhitespace(), value)
    }

    /// The token in `path`, or nil when there is no such file yet.
    private static func read(_ path: String) throws -> String? {
        switch FileDescriptor.readFile(path, limit: 4096) {
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            return text.isEmpty ? nil : text
        case .failure(let error) where error.code == ENOENT: return nil
        case .failure(let error): throw error
        }
    }
}
