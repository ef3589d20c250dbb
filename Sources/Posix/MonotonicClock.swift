@preconcurrency import Glibc

/// Time that only moves forward, for durations and deadlines (never for dates).
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot): deadlines must not jump with the wall clock.
    @inline(__always)
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// `seconds` as nanoseconds, clamped to zero below and to about 31 years above.
    public static func nanoseconds(seconds: Double) -> UInt64 {
        seconds <= 0 ? 0 : UInt64(min(seconds, 1e9) * 1e9)
    }
}
