@preconcurrency import Glibc

/// A mutex and a condition variable whose timed waits run on the monotonic clock.
///
/// Foundation's NSCondition takes wall-clock deadlines: on a laptop whose clock is set back (NTP
/// after a flat CMOS battery, a manual fix) a wait could last hours; set forward, it ends at once.
/// Here a deadline is `MonotonicClock` nanoseconds, so retries and pauses wait as long as they meant to.
public final class MonotonicCondition: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Waits until signalled (or woken spuriously); the lock must be held.
    public func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits until signalled or the monotonic clock reaches `deadline` (nanoseconds); false once the
    /// deadline has passed. The lock must be held.
    @discardableResult
    public func wait(until deadline: UInt64) -> Bool {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        return pthread_cond_timedwait(condition, mutex, &time) != ETIMEDOUT
    }

    public func signal() { pthread_cond_signal(condition) }
    public func broadcast() { pthread_cond_broadcast(condition) }
}
