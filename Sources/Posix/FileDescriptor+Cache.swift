@preconcurrency import Glibc

extension FileDescriptor {
    /// Writes `path` to disk and drops its pages from the page cache, so the next program to map it
    /// reads it as after a boot. Pages some process has mapped stay.
    public static func dropCachedPages(_ path: String) throws(SystemError) {
        let fd = try retryingEINTR("open \(path)") { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        // Only clean pages can be dropped: a file just written is synced first.
        try retryingEINTR("fdatasync \(path)") { fdatasync(fd) }
        let code = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
        guard code == 0 else { throw SystemError(call: "posix_fadvise \(path)", code: code) }
    }
}
