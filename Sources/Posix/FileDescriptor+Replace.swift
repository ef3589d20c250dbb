@preconcurrency import Glibc

extension FileDescriptor {
    /// Makes `path` hold exactly `bytes` with permissions `mode`, all at once: written to a temporary
    /// file beside it, synced, renamed over it, and the folder synced. A reader, or a power cut, sees
    /// the old file or the new one, never half of either.
    public static func replaceFile(_ path: String, with bytes: [UInt8], mode: mode_t) throws {
        let partial = "\(path).partial-\(getpid())"
        let folder = Self.folder(of: path)
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
        try sync(folder)
    }

    /// Syncs the file or folder at `path` to disk; for a folder, the names in it (a new one survives a power cut).
    public static func sync(_ path: String) throws(SystemError) {
        let fd = try retryingEINTR("open \(path)") { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        try retryingEINTR("fsync \(path)") { fsync(fd) }
    }

    /// The folder `path` is in (`.` for a bare name).
    public static func folder(of path: String) -> String {
        let slash = path.lastIndex(of: "/")
        return slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
    }
}
