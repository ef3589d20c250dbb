import KioskStore
import Posix

/// The acceptance checks' pace as a value: when the next question may go, and what follows an answer.
///
/// `AcceptancePoller` is the thin shell (a thread, the store, the issuer); every rule lives here and is
/// tested without I/O: questions at least `minInterval` apart, so any span of T seconds holds at most
/// ⌊T / minInterval⌋ + 1 of them, and a pause of all asking after the issuer's or the network's trouble,
/// for its Retry-After or a backoff growing with failures in a row.
struct AcceptancePacing: Sendable {
    /// What the shell is to do after an answer.
    enum Action: Sendable, Equatable {
        /// Save what the issuer said about the award.
        case record(AcceptanceAnswer)
        /// Ask nothing until then; the awards of the round are read again afterwards.
        case pause(until: Moment)
        /// A plain-words line for the service log.
        case log(String)
    }

    let minInterval: Double
    let backoff: Backoff
    let maxRetryAfter: Double
    /// When the latest question went.
    private(set) var lastAsked: Moment?
    /// Nothing is asked before then.
    private(set) var pausedUntil: Moment?
    /// Unclear answers in a row: the pause grows with it.
    private(set) var failureStreak = 0
    /// A pause was logged and the issuer has not answered since.
    private var pauseAnnounced = false

    init(minInterval: Double, backoff: Backoff, maxRetryAfter: Double) {
        self.minInterval = minInterval
        self.backoff = backoff
        self.maxRetryAfter = maxRetryAfter
    }

    init(_ settings: AcceptanceSettings) {
        self.init(minInterval: settings.minInterval, backoff: settings.backoff, maxRetryAfter: settings.maxRetryAfter)
    }

    /// The earliest moment at or after `now` when the next question may go.
    func nextQuestion(after now: Moment) -> Moment {
        var earliest = now
        if let lastAsked { earliest = max(earliest, lastAsked.adding(seconds: minInterval)) }
        if let pausedUntil { earliest = max(earliest, pausedUntil) }
        return earliest
    }

    /// A question goes at `now`; call it just before sending, and only once `nextQuestion` allows.
    mutating func asked(at now: Moment) {
        precondition(nextQuestion(after: now) <= now, "a question went before its pace allowed")
        lastAsked = now
    }

    /// Decides what follows `result`, answered at `now`.
    mutating func on(_ result: AcceptanceResult, at now: Moment, using generator: inout some RandomNumberGenerator) -> [Action] {
        let answer: AcceptanceAnswer
        switch result {
        case let .accepted(at): answer = .accepted(at: at)
        case .pending: answer = .pending
        case .notKnown: answer = .notKnown
        case let .retry(advice):
            failureStreak += 1
            let wait: Double
            if let asked = advice.retryAfter {
                wait = min(max(asked, 0), maxRetryAfter)
            } else {
                // Half to all of the ceiling: checks are never urgent, so a pause is always a real one.
                let ceiling = backoff.ceiling(attempt: failureStreak)
                wait = ceiling / 2 + Double.random(in: 0...(ceiling / 2), using: &generator)
            }
            let until = now.adding(seconds: wait)
            if pausedUntil.map({ until > $0 }) ?? true { pausedUntil = until }
            var actions: [Action] = []
            if !pauseAnnounced {
                pauseAnnounced = true
                actions.append(.log("acceptance checks paused for \((wait * 10).rounded() / 10) s: \(advice.reason)"))
            }
            return actions + [.pause(until: pausedUntil ?? until)]
        }
        failureStreak = 0
        let resumed: [Action] = pauseAnnounced ? [.log("the issuer answers acceptance checks again")] : []
        pauseAnnounced = false
        return resumed + [.record(answer)]
    }
}
