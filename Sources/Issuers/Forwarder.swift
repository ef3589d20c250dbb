import Foundation
import KioskCore
import KioskStore
import Posix

/// The outbox forwarder (docs/ARCHITECTURE.md §4.3): sends every queued award to the issuer exactly once, as the
/// learner sees it, through a small pool of worker threads fed from the store.
///
/// One coordinator thread takes due awards from the store in batches (marking them `sending` in a
/// committed write first) and sleeps on a condition variable until new claims arrive (`wake`), the
/// next retry falls due, or the daily retention purge is due: nothing runs while nothing is due.
///
/// Retry times are kept in the store as dates (they must outlive a restart), but every wait in
/// memory runs on the monotonic clock (`Moment`): a laptop's wall clock jumps when NTP corrects it,
/// and a pause must last as long as it was meant to, not until the wall clock catches up.
public final class Forwarder: @unchecked Sendable {
    /// The adapter in use; nil when no issuer is configured (awards then stay queued).
    public let issuer: (any IssuerAdapter)?
    let store: KioskStore
    let settings: ForwarderSettings
    let onChange: @Sendable (OutboxChange) -> Void
    let log: @Sendable (String) -> Void

    let condition = MonotonicCondition()
    // Everything below is guarded by `condition`.
    /// Awards taken from the store (`sending`) and not yet picked up by a worker.
    var buffer: [OutboxItem] = []
    var stopping = false
    private var started = false
    /// Threads still running.
    var running = 0
    /// Something may be due now (a new claim, an operator's retry): look in the store.
    var wakeRequested = true
    /// The earliest retry time committed since the coordinator last looked in the store.
    var dueHint = Moment.never
    /// Every decision about what follows an attempt: streak, backoff, pause.
    var policy: ForwarderPolicy
    var inFlight = 0
    /// Outcomes the store could not save yet; under its own lock, never taken while holding `condition`'s.
    let unsaved = Locked(UnsavedOutcomes())

    /// `onChange` runs on the store's writer thread after each state change commits, so it must be quick;
    /// `log` gets plain-words lines for the service log (never personal data or secrets), each through
    /// `LogText`, since they quote what issuers answer.
    public init(store: KioskStore, issuer: (any IssuerAdapter)?, settings: ForwarderSettings = ForwarderSettings(),
                onChange: @escaping @Sendable (OutboxChange) -> Void = { _ in },
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.issuer = issuer
        self.settings = settings
        policy = ForwarderPolicy(backoff: settings.backoff, maxRetryAfter: settings.maxRetryAfter,
                                 unansweredWait: settings.recoveryDelay)
        self.onChange = onChange
        self.log = { log(LogText.sanitize($0)) }
    }

    /// Puts awards a previous run left `sending` back in the queue for a look-up first (at an issuer
    /// that cannot be asked, that first step parks them as `unsure`), then starts the coordinator
    /// and (with an issuer) the workers.
    public func start() throws(StoreError) {
        condition.lock()
        let already = started
        started = true
        condition.unlock()
        guard !already else { return }
        try pullInDistantRetries()
        let now = Timestamp.now()
        let recovered = try store.recoverInterruptedSends(
            dueAt: now.adding(milliseconds: Int64(settings.recoveryDelay * 1000)), at: now)
        if recovered > 0 {
            log("\(recovered) award(s) were being sent when the service last stopped; " + (issuer?.canLookUp == false
                    ? "the issuer cannot be asked about them, so each waits for staff to check it"
                    : "each is looked up at the issuer before it is sent again, "
                        + "once a request sent before the stop has had time to arrive (\(settings.recoveryDelay) s)"))
        }
        let workers = issuer == nil ? 0 : settings.concurrency
        condition.lock()
        running = 1 + workers
        condition.unlock()
        spawn("kiosk-forwarder") { [self] in coordinate() }
        for index in 0..<workers {
            spawn("kiosk-send-\(index)") { [self] in work() }
        }
    }

    /// New work may be due now (a claim was stored, an award was queued again).
    public func wake() {
        condition.lock()
        wakeRequested = true
        condition.broadcast()
        condition.unlock()
    }

    /// Lets requests in flight finish and record their outcome (for `settings.stopGrace` seconds at
    /// most: a hung issuer must not hold up a shutdown past systemd's stop timeout), stops every
    /// thread, and puts awards taken but not sent back in the queue. Call before closing the store.
    ///
    /// Requests still in flight after the grace are abandoned: their awards stay `sending` in the
    /// store, and the next start looks each up at the issuer before sending it again.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        let deadline = Moment.now().adding(seconds: settings.stopGrace)
        while running > 0, condition.wait(until: deadline.nanoseconds) {}
        let abandoning = running > 0
        let left = buffer
        buffer = []
        condition.unlock()
        if abandoning {
            log("stopping without waiting for the issuer: \(inFlightCount) award(s) in flight are looked up after the next start")
            issuer?.abandonInFlight()
        }
        release(left, dueAt: .now())
    }

    private var inFlightCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return inFlight
    }

    /// Whether and why sending is paused, and how much is in flight.
    public var status: ForwarderStatus {
        condition.lock()
        defer { condition.unlock() }
        let now = Moment.now()
        let paused = policy.pausedUntil.flatMap { $0 > now ? Timestamp.now().adding(milliseconds: $0.milliseconds(after: now)) : nil }
        return ForwarderStatus(issuer: issuer?.kind, pausedUntil: paused, inFlight: inFlight, lastProblem: policy.lastProblem,
                               unsaved: unsavedCount)
    }

    /// A retry is committed for `moment`: make sure the coordinator is awake by then.
    func schedule(_ moment: Moment) {
        condition.lock()
        if moment < dueHint {
            dueHint = moment
            condition.broadcast()
        }
        condition.unlock()
    }

    func release(_ items: [OutboxItem], dueAt: Timestamp) {
        guard !items.isEmpty else { return }
        let now = Timestamp.now()
        do {
            try store.releaseAwards(items.map(\.id), dueAt: dueAt, at: now)
        } catch {
            // They stay `sending` meanwhile, so nothing is lost or doubled.
            keep(items.map(\.id), .release(dueAt: dueAt), at: now, after: error)
        }
    }

    private func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// The coordinator: keeps the buffer topped up with due awards, runs the purge, sleeps otherwise.
    private func coordinate() {
        var nextPurge = Moment.now()
        var nextDue = Moment.never
        condition.lock()
        defer { condition.unlock() }
        while !stopping {
            let now = Moment.now()
            if let days = settings.retentionDays, now >= nextPurge {
                condition.unlock()
                purge(days: days)
                condition.lock()
                nextPurge = now.adding(seconds: settings.purgeInterval)
                continue
            }
            let paused = policy.isPaused(at: now)
            let wantsMore = issuer != nil && !paused && buffer.count < settings.lowWater
            if wantsMore && (wakeRequested || min(nextDue, dueHint) <= now) {
                // Cleared before looking, so a wake or retry committed meanwhile is not lost.
                wakeRequested = false
                dueHint = .never
                condition.unlock()
                let (items, due) = fetch(now)
                condition.lock()
                if !items.isEmpty {
                    buffer += items
                    condition.broadcast()
                }
                nextDue = due
                continue
            }
            var deadline = settings.retentionDays == nil ? Moment.never : nextPurge
            if issuer != nil, let until = policy.pausedUntil, until > now {
                deadline = min(deadline, until)
            } else if wantsMore {
                deadline = min(deadline, nextDue, dueHint)
            }
            if deadline == .never {
                condition.wait()
            } else {
                condition.wait(until: deadline.nanoseconds)
            }
        }
    }

    /// Takes due awards; also answers when to look again. The store's retry dates are read against
    /// the wall clock once, here, and turned into monotonic moments.
    private func fetch(_ now: Moment) -> ([OutboxItem], Moment) {
        do {
            let wallNow = Timestamp.now()
            let items = try store.takeDueAwards(limit: settings.batchSize, now: wallNow)
            if items.count == settings.batchSize { return (items, now) }
            guard let due = try store.nextDueTime() else { return (items, .never) }
            if due > wallNow.adding(seconds: retryHorizon) {
                // The wall clock was set back since that retry was put off: it is due now instead.
                try pullInDistantRetries()
                return (items, now)
            }
            return (items, now.adding(milliseconds: due.milliseconds - wallNow.milliseconds))
        } catch {
            log("cannot read the outbox: \(error)")
            return ([], now.adding(seconds: 5))
        }
    }

    /// Goes by the store's trusted time (see `ClockAnchor`), so a clock set forward erases nothing early.
    /// Seconds past which no retry is ever put off (and at least a day).
    private var retryHorizon: Int64 {
        Int64(max(86_400, settings.backoff.cap, settings.maxRetryAfter))
    }

    /// Makes queued awards put off further ahead than the forwarder ever puts one off due now: only a
    /// wall clock that ran fast when they were put off (or was set back since) explains such a time.
    private func pullInDistantRetries() throws(StoreError) {
        let now = Timestamp.now()
        let pulled = try store.pullInDistantRetries(beyond: now.adding(seconds: retryHorizon), at: now)
        if pulled > 0 {
            log("\(pulled) waiting award(s) were put off until more than \(retryHorizon / 3600) h from now, "
                + "which only a clock running fast explains: they are due now")
        }
    }

    private func purge(days: Int) {
        let wall = Timestamp.now()
        let monotonic = MonotonicClock.nanoseconds()
        if let jump = store.clock.jumpedAhead(wall: wall, monotonic: monotonic) {
            log("the clock moved \(jump / 3600) h further than the time that passed since the start; "
                + "personal data is erased by the time that passed, not by the clock")
        }
        do {
            let erased = try store.purgePersonalData(olderThanDays: days,
                                                     at: store.clock.trustedNow(wall: wall, monotonic: monotonic))
            if erased > 0 { log("erased the name and email of \(erased) claim(s) sent more than \(days) days ago") }
        } catch {
            log("the personal data purge failed, and will be tried again tomorrow: \(error)")
        }
    }
}
