@preconcurrency import Glibc

extension FileDescriptor {
    /// Makes `path` hold exactly `bytes` with permissions `mode`, all at once: written to a temporary
    /// file beside it, synced, renamed over it, and the folder synced. A reader, or a power cut, sees
    /// the old file or the new one, never half of either.
    public static func replaceFile(_ path: String, with bytes: [UInt8], mode: mode_t) throws {
        let partial = "\(path).partial-\(getpid())"
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        do {
            let fd = try retryingEINTR("open \(partial)") { open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
            defer { close(fd) }
            // The umask may have taken bits from `mode`; the caller's mode is the one meant.
            try retryingEINTR("fchmod \(partial)") { fchmod(fd, mode) }
            try bytes.withUnsafeBytes { try writeAll(fd, $0) }
            try retryingEINTR("fsync \(partial)") { fsync(fd) }
            try retryingEINTR("rename \(partial)") { rename(partial, path) }
        } catch {
            _ = systemCall("unlink \(partial)") { unlink(partial) }
            throw error
        }
        let directory = try retryingEINTR("open \(folder)") { open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(directory) }
        try retryingEINTR("fsync \(folder)") { fsync(directory) }
    }
}
