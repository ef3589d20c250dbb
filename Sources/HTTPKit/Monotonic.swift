@preconcurrency import Glibc
import Posix

/// CLOCK_MONOTONIC in nanoseconds: deadlines and durations must not jump with the wall clock.
enum Monotonic {
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        _ = try? Posix.retryingEINTR("clock_gettime") { clock_gettime(CLOCK_MONOTONIC, &time) }
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    static func nanoseconds(_ seconds: Double) -> UInt64 {
        seconds <= 0 ? 0 : UInt64(min(seconds, 1e9) * 1e9)
    }
}
