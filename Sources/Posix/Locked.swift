@preconcurrency import Glibc

/// A value guarded by a mutex, shared between threads.
///
/// Foundation's NSLock would do, but a plain pthread mutex keeps this module free of
/// Foundation and is what the hot paths (the event loops, the commit queue) want.
/// Sendable only when its value is (as NIOLockedValueBox): a lock cannot make a value that is not
/// safe to hand between threads safe to use from two of them.
public final class Locked<Value> {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held; keep it short and never block inside.
    @inline(__always)
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

extension Locked: @unchecked Sendable where Value: Sendable {}
