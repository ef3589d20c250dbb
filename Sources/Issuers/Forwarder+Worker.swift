import Foundation
import KioskCore
import KioskStore
import Posix

/// The worker threads: send one award at a time and record what the issuer said.
extension Forwarder {
    /// How one award's attempt ended.
    enum Outcome {
        case sent(String)
        case rejected(String)
        case retry(RetryAdvice)
        /// It may have reached an issuer that cannot be asked: park it for staff, never send it again on its own.
        case unsure(String)
    }

    func work() {
        condition.lock()
        while true {
            while !stopping, buffer.isEmpty || isPaused {
                if let until = pausedUntil, until > Moment.now() {
                    condition.wait(until: until.nanoseconds)
                } else {
                    condition.wait()
                }
            }
            if stopping { break }
            let item = buffer.removeFirst()
            inFlight += 1
            if buffer.count < settings.lowWater { condition.broadcast() }
            condition.unlock()
            record(item, attempt(item))
            condition.lock()
            inFlight -= 1
        }
        condition.unlock()
    }

    /// Under `condition`.
    private var isPaused: Bool {
        guard let pausedUntil else { return false }
        return pausedUntil > Moment.now()
    }

    /// Looks first when an earlier attempt was ambiguous, then sends. An ambiguous attempt at an
    /// issuer that cannot be asked ends as `unsure` at once, rather than waiting in the queue for a
    /// look-up that cannot happen.
    func attempt(_ item: OutboxItem) -> Outcome {
        guard let issuer else { return .retry(RetryAdvice(reason: "no issuer is configured", ambiguous: item.verify)) }
        if item.verify {
            switch issuer.lookup(item) {
            case let .found(reference): return .sent(reference)
            case let .retry(advice): return .retry(advice)
            case .cannotAsk:
                return .unsure("an earlier try may have reached \(issuer.kind.displayName), but no clear answer came back")
            case .notFound: break
            }
        }
        switch issuer.issue(item) {
        case let .sent(reference): return .sent(reference)
        case let .rejected(reason): return .rejected(reason)
        case let .retry(advice) where advice.ambiguous && !issuer.canLookUp: return .unsure(advice.reason)
        case let .retry(advice): return .retry(advice)
        }
    }

    /// Hands the outcome to the store's writer (group commit) without waiting for it.
    func record(_ item: OutboxItem, _ outcome: Outcome) {
        let now = Timestamp.now()
        switch outcome {
        case let .sent(reference):
            succeeded()
            settle(item.id, .sent(reference: reference), at: now)
        case let .rejected(reason):
            succeeded()
            log("award \(item.id) (badge \(item.badgeID)) was refused by the issuer and parked: \(reason)")
            settle(item.id, .failed(reason: reason), at: now)
        case let .unsure(reason):
            _ = failed()
            log("award \(item.id) (badge \(item.badgeID)) may or may not have reached the issuer, which cannot be asked; "
                + "it waits for staff to check: \(reason)")
            settle(item.id, .unsure(reason: reason), at: now)
        case let .retry(advice):
            let next: Moment
            if advice.issuerWide {
                next = pause(for: advice)
            } else {
                var generator = SystemRandomNumberGenerator()
                let streak = failed()
                let delay = advice.retryAfter.map { min($0, settings.maxRetryAfter) }
                    ?? settings.backoff.delay(attempt: min(item.attempts, streak), using: &generator)
                next = Moment.now().adding(seconds: delay)
            }
            settle(item.id, .retry(error: advice.reason, ambiguous: advice.ambiguous, next: next), at: now)
        }
    }

    /// Stops all sending until the issuer's Retry-After, or a backoff that grows while the problem
    /// lasts; awards waiting in the buffer go back to the store meanwhile. Returns the resume time.
    private func pause(for advice: RetryAdvice) -> Moment {
        var generator = SystemRandomNumberGenerator()
        condition.lock()
        failureStreak += 1
        let delay = advice.retryAfter.map { min($0, settings.maxRetryAfter) }
            ?? settings.backoff.delay(attempt: failureStreak, using: &generator)
        let until = Moment.now().adding(seconds: delay)
        let wasRunning = !isPaused
        if pausedUntil.map({ until > $0 }) ?? true { pausedUntil = until }
        lastProblem = advice.reason
        let waiting = buffer
        buffer = []
        dueHint = min(dueHint, pausedUntil ?? until)
        let resume = pausedUntil ?? until
        condition.broadcast()
        let announce = wasRunning && !pauseAnnounced
        if announce { pauseAnnounced = true }
        condition.unlock()
        if announce {
            log("sending paused for \(String(format: "%.1f", delay)) s: \(advice.reason)")
        }
        release(waiting, dueAt: Timestamp.now().adding(milliseconds: resume.milliseconds(after: .now())))
        return resume
    }

    /// The issuer answered: the failure streak ends, and a logged pause is over.
    private func succeeded() {
        condition.lock()
        failureStreak = 0
        let wasAnnounced = pauseAnnounced
        pauseAnnounced = false
        condition.unlock()
        if wasAnnounced { log("the issuer is answering again") }
    }

    /// Counts a failed attempt; returns the streak so far.
    private func failed() -> Int {
        condition.lock()
        defer { condition.unlock() }
        failureStreak += 1
        return failureStreak
    }
}
