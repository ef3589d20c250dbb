import KioskStore
import Posix

/// The forwarder's decisions as a value: given what an attempt came to and the time, what to do next.
///
/// `Forwarder` is the thin shell around it: threads, the store and the issuer. Every rule lives here,
/// so each is tested as `policy.on(outcome, …) -> [action]` without threads, sockets or a database:
/// the failure streak that grows the backoff, the pause of all sending when the problem is the
/// issuer's, `Retry-After`, and when an attempt may have reached the issuer.
struct ForwarderPolicy: Sendable {
    /// How one award's attempt ended, as the issuer's answers are read.
    enum Outcome: Sendable, Equatable {
        case sent(String)
        case rejected(String)
        case retry(RetryAdvice)
        /// It may have reached an issuer that cannot be asked: park it for staff, never send it again on its own.
        case unsure(String)
    }

    /// What the shell is to do.
    enum Action: Sendable, Equatable {
        /// Save what became of the award.
        case settle(Forwarder.Settlement)
        /// Stop all sending until then: awards waiting to be sent go back to the queue, due then.
        case pause(until: Moment)
        /// A plain-words line for the service log.
        case log(String)
    }

    let backoff: Backoff
    /// The longest Retry-After honoured as given, in seconds.
    let maxRetryAfter: Double
    /// Seconds an unanswered attempt waits at least before its look-up: one issuer timeout, so a
    /// request still on its way has landed by the time the kiosk asks whether it did.
    let unansweredWait: Double
    /// Failed attempts in a row, over all awards: the backoff grows with it, so a healthy issuer's odd
    /// 5xx is retried soon while one that keeps failing is left alone for up to the cap.
    private(set) var failureStreak = 0
    /// Sending waits until then, for every award.
    private(set) var pausedUntil: Moment?
    /// The latest problem that paused sending, in plain words.
    private(set) var lastProblem: String?
    /// A pause was logged and the issuer has not answered since.
    private var pauseAnnounced = false

    init(backoff: Backoff, maxRetryAfter: Double, unansweredWait: Double = 0) {
        self.backoff = backoff
        self.maxRetryAfter = maxRetryAfter
        self.unansweredWait = unansweredWait
    }

    func isPaused(at now: Moment) -> Bool {
        pausedUntil.map { $0 > now } ?? false
    }

    /// What an issue attempt came to. An ambiguous failure at an issuer that cannot be asked whether
    /// it made the award is `unsure` at once: no look-up can ever settle it.
    static func outcome(of result: IssueResult, canLookUp: Bool) -> Outcome {
        switch result {
        case let .sent(reference): .sent(reference)
        case let .rejected(reason): .rejected(reason)
        case let .retry(advice) where advice.ambiguous && !canLookUp: .unsure(advice.reason)
        case let .retry(advice): .retry(advice)
        }
    }

    /// What a look-up before a re-send came to; nil when the issuer does not have the award, so it is sent.
    static func outcome(of result: LookupResult, issuer: IssuerKind) -> Outcome? {
        switch result {
        case let .found(reference): .sent(reference)
        case let .retry(advice): .retry(advice)
        case .cannotAsk: .unsure("an earlier try may have reached \(issuer.displayName), but no clear answer came back")
        case .notFound: nil
        }
    }

    /// Decides what follows `outcome` for `award` at `now`.
    mutating func on(_ outcome: Outcome, award: OutboxItem, now: Moment,
                     using generator: inout some RandomNumberGenerator) -> [Action] {
        switch outcome {
        case let .sent(reference):
            return answered() + [.settle(.sent(reference: reference))]
        case let .rejected(reason):
            return answered() + [.log("award \(award.id) (badge \(award.badgeID)) was refused by the issuer and parked: \(reason)"),
                                 .settle(.failed(reason: reason))]
        case let .unsure(reason):
            failureStreak += 1
            return [.log("award \(award.id) (badge \(award.badgeID)) may or may not have reached the issuer, which cannot be asked; "
                         + "it waits for staff to check: \(reason)"),
                    .settle(.unsure(reason: reason))]
        case let .retry(advice):
            failureStreak += 1
            let delay = advice.retryAfter.map { min($0, maxRetryAfter) }
                ?? backoff.delay(attempt: advice.issuerWide ? failureStreak : min(award.attempts, failureStreak), using: &generator)
            let next = now.adding(seconds: advice.unanswered ? max(delay, unansweredWait) : delay)
            var actions: [Action] = []
            var due = next
            if advice.issuerWide {
                // The problem is the issuer's or the network's: hold every award, not just this one.
                let wasRunning = !isPaused(at: now)
                if pausedUntil.map({ next > $0 }) ?? true { pausedUntil = next }
                due = pausedUntil ?? next
                lastProblem = advice.reason
                if wasRunning && !pauseAnnounced {
                    pauseAnnounced = true
                    let seconds = Double(due.milliseconds(after: now)) / 1000
                    actions.append(.log("sending paused for \((seconds * 10).rounded() / 10) s: \(advice.reason)"))
                }
                actions.append(.pause(until: due))
            }
            actions.append(.settle(.retry(error: advice.reason, ambiguous: advice.ambiguous, next: due)))
            return actions
        }
    }

    /// The issuer answered: the failure streak ends, and a logged pause is over.
    private mutating func answered() -> [Action] {
        failureStreak = 0
        guard pauseAnnounced else { return [] }
        pauseAnnounced = false
        return [.log("the issuer is answering again")]
    }
}
