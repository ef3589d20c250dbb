/// Bounds guessing: counts failed code attempts per client address in a sliding window.
///
/// A value type fed with times, so the policy is tested without clocks; the service keeps one
/// behind a lock. Addresses whose window has emptied are dropped, so memory stays bounded by
/// the number of recently failing clients.
public struct AttemptLimiter: Sendable {
    public var maxFailures: Int
    public var windowSeconds: Int64
    private var failures: [String: [Timestamp]] = [:]

    public init(maxFailures: Int = 10, windowSeconds: Int64 = 300) {
        self.maxFailures = maxFailures
        self.windowSeconds = windowSeconds
    }

    /// Nil when `address` may try a code now; otherwise the whole seconds to wait.
    public mutating func retryAfter(for address: String, now: Timestamp) -> Int64? {
        guard var recent = failures[address] else { return nil }
        let windowStart = now.adding(seconds: -windowSeconds)
        recent.removeAll { $0 <= windowStart }
        if recent.isEmpty {
            failures[address] = nil
            return nil
        }
        failures[address] = recent
        guard recent.count >= maxFailures else { return nil }
        let freeAt = recent[recent.count - maxFailures].adding(seconds: windowSeconds)
        return max(1, (freeAt.milliseconds - now.milliseconds + 999) / 1000)
    }

    /// Records one failed attempt (an unknown code) from `address`.
    public mutating func recordFailure(for address: String, now: Timestamp) {
        failures[address, default: []].append(now)
        if failures[address]!.count > maxFailures * 2 {
            failures[address]!.removeFirst(failures[address]!.count - maxFailures)
        }
    }

    /// How many addresses are being tracked (for tests and status).
    public var trackedAddresses: Int { failures.count }
}
