@preconcurrency import Glibc

/// Small helpers around raw file descriptors.
public enum FileDescriptor {
    /// Closes `fd`, ignoring EINTR: on Linux the descriptor is released even then, so a retry
    /// could close a descriptor another thread has just been given.
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// The open-file limit new descriptors run into (the soft one); Int.max when there is none,
    /// or when it cannot be read (a system-call filter may refuse even the asking).
    public static func openFileLimit() -> Int {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard case .success = systemCall("getrlimit", { getrlimit(resource, &limit) }) else { return Int.max }
        // No limit is all ones, which clamps to Int.max.
        return Int(clamping: limit.rlim_cur)
    }

    /// Sets or clears O_NONBLOCK.
    public static func setNonBlocking(_ fd: Int32, _ on: Bool = true) throws(SystemError) {
        let flags = try retryingEINTR("fcntl(F_GETFL)") { fcntl(fd, F_GETFL) }
        let wanted = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
        if wanted != flags {
            try retryingEINTR("fcntl(F_SETFL)") { fcntl(fd, F_SETFL, wanted) }
        }
    }

    /// Writes all of `bytes` to a blocking descriptor.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try retryingEINTR("write") {
                Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            }
            offset += written
        }
    }

    /// The contents of the file at `path`, at most `limit` bytes (more is an EFBIG failure).
    /// A Result rather than a throw, so callers can treat ENOENT as "not there yet".
    public static func readFile(_ path: String, limit: Int) -> Result<[UInt8], SystemError> {
        let fd: Int32
        switch systemCall("open \(path)", { open(path, O_RDONLY | O_CLOEXEC) }) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(error)
        }
        defer { close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let result = chunk.withUnsafeMutableBytes { raw in
                systemCall("read \(path)") { Glibc.read(fd, raw.baseAddress, raw.count) }
            }
            switch result {
            case .success(0): return .success(contents)
            case .success(let count):
                contents += chunk[..<count]
                if contents.count > limit { return .failure(SystemError(call: "read \(path)", code: EFBIG)) }
            case .failure(let error): return .failure(error)
            }
        }
    }
}
