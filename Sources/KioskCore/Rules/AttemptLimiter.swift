/// Bounds attempts: counts them per key (a client address, a code and address, or one key for
/// everyone) in a sliding window.
///
/// A value type fed with times, so the policy is tested without clocks; the service keeps its
/// limiters behind a lock. A key whose window has emptied is dropped when it is looked at, and
/// every such key once many are tracked, so memory stays bounded by the recently active keys.
public struct AttemptLimiter: Sendable {
    public var maxAttempts: Int
    public var windowSeconds: Int64
    private var attempts: [String: [Timestamp]] = [:]
    /// Tracked keys beyond which the next record sweeps out emptied windows (grows with what stays).
    private var sweepAbove = 4096

    public init(maxAttempts: Int = 10, windowSeconds: Int64 = 300) {
        self.maxAttempts = maxAttempts
        self.windowSeconds = windowSeconds
    }

    /// Nil when `key` may make an attempt now; otherwise the whole seconds to wait.
    public mutating func retryAfter(for key: String, now: Timestamp) -> Int64? {
        guard var recent = attempts[key] else { return nil }
        let windowStart = now.adding(seconds: -windowSeconds)
        recent.removeAll { $0 <= windowStart }
        if recent.isEmpty {
            attempts[key] = nil
            return nil
        }
        attempts[key] = recent
        guard recent.count >= maxAttempts else { return nil }
        let freeAt = recent[recent.count - maxAttempts].adding(seconds: windowSeconds)
        return max(1, (freeAt.milliseconds - now.milliseconds + 999) / 1000)
    }

    /// Records one attempt by `key`.
    public mutating func record(for key: String, now: Timestamp) {
        attempts[key, default: []].append(now)
        if attempts[key]!.count > maxAttempts * 2 {
            attempts[key]!.removeFirst(attempts[key]!.count - maxAttempts)
        }
        if attempts.count > sweepAbove { sweep(now: now) }
    }

    /// Checks and records in one step, so parallel attempts cannot all pass before any is counted:
    /// nil when the attempt may go ahead (it is now counted), else the whole seconds to wait.
    public mutating func take(for key: String, now: Timestamp) -> Int64? {
        if let wait = retryAfter(for: key, now: now) { return wait }
        record(for: key, now: now)
        return nil
    }

    /// Takes back one attempt recorded at `time` that turned out not to count.
    public mutating func forget(for key: String, at time: Timestamp) {
        guard let index = attempts[key]?.lastIndex(of: time) else { return }
        attempts[key]!.remove(at: index)
        if attempts[key]!.isEmpty { attempts[key] = nil }
    }

    /// How many keys are being tracked (for tests and status).
    public var trackedKeys: Int { attempts.count }

    private mutating func sweep(now: Timestamp) {
        let windowStart = now.adding(seconds: -windowSeconds)
        attempts = attempts.filter { $0.value.last.map { $0 > windowStart } ?? false }
        sweepAbove = max(4096, attempts.count * 2)
    }
}
