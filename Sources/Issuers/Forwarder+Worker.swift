import Foundation
import KioskCore
import KioskStore
import Posix

/// The worker threads: send one award at a time and carry out what the policy decides.
extension Forwarder {
    func work() {
        condition.lock()
        while true {
            while !stopping, buffer.isEmpty || policy.isPaused(at: .now()) {
                if let until = policy.pausedUntil, until > Moment.now() {
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

    /// Looks first when an earlier attempt was ambiguous, then sends.
    func attempt(_ item: OutboxItem) -> ForwarderPolicy.Outcome {
        guard let issuer else { return .retry(RetryAdvice(reason: "no issuer is configured", ambiguous: item.verify)) }
        if item.verify, let known = ForwarderPolicy.outcome(of: issuer.lookup(item), issuer: issuer.kind) {
            return known
        }
        return ForwarderPolicy.outcome(of: issuer.issue(item), canLookUp: issuer.canLookUp)
    }

    /// Asks the policy what follows, then does it: saves through the store's writer (group commit)
    /// without waiting, and on a pause hands the awards waiting in the buffer back to the queue.
    func record(_ item: OutboxItem, _ outcome: ForwarderPolicy.Outcome) {
        var generator = SystemRandomNumberGenerator()
        let now = Moment.now()
        condition.lock()
        let actions = policy.on(outcome, award: item, now: now, using: &generator)
        var waiting: [OutboxItem] = []
        for case let .pause(until) in actions {
            waiting = buffer
            buffer = []
            dueHint = min(dueHint, until)
            condition.broadcast()
        }
        condition.unlock()
        let wallNow = Timestamp.now()
        for action in actions {
            switch action {
            case let .log(line): log(line)
            case let .settle(settlement): settle(item.id, settlement, at: wallNow)
            case let .pause(until): release(waiting, dueAt: wallNow.adding(milliseconds: until.milliseconds(after: now)))
            }
        }
    }
}
