@preconcurrency import Glibc
import CLinux
import Posix

/// An eventfd other threads (and the SIGWINCH handler) write to, to wake a thread blocked in poll.
public final class Wakeup: Sendable {
    public let fd: Int32

    public init() throws(SystemError) {
        fd = try retryingEINTR("eventfd") { eventfd(0, CLinux_EFD_NONBLOCK | CLinux_EFD_CLOEXEC) }
    }

    deinit {
        FileDescriptor.close(fd)
    }

    /// Wakes the waiting thread; cheap, and safe from any thread.
    public func signal() {
        var one: UInt64 = 1
        _ = systemCall("write(eventfd)") { Glibc.write(fd, &one, 8) }
    }

    /// Clears pending wake-ups, so the next poll blocks again.
    public func drain() {
        var count: UInt64 = 0
        _ = systemCall("read(eventfd)") { Glibc.read(fd, &count, 8) }
    }
}
