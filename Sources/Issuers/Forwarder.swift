import Foundation
import KioskCore
import KioskStore

/// The outbox forwarder (DESIGN.md §4.6): sends every queued award to the issuer exactly once, as the
/// learner sees it, through a small pool of worker threads fed from the store.
///
/// One coordinator thread takes due awards from the store in batches (marking them `sending` in a
/// committed write first) and sleeps on a condition variable until new claims arrive (`wake`), the
/// next retry falls due, or the daily retention purge is due: nothing runs while nothing is due.
public final class Forwarder: @unchecked Sendable {
    /// The adapter in use; nil when no issuer is configured (awards then stay queued).
    public let issuer: (any IssuerAdapter)?
    let store: KioskStore
    let settings: ForwarderSettings
    let onChange: @Sendable (OutboxChange) -> Void
    let log: @Sendable (String) -> Void

    let condition = NSCondition()
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
    var dueHint = Date.distantFuture
    /// Sending waits until then, for every award.
    var pausedUntil: Date?
    /// Failed attempts in a row, over all awards: the backoff grows with it, so a healthy issuer's
    /// odd 5xx is retried soon while one that keeps failing is left alone for up to the cap.
    var failureStreak = 0
    /// A pause was logged and its end is not yet.
    var pauseAnnounced = false
    var inFlight = 0
    var lastProblem: String?

    /// `onChange` runs on the store's writer thread after each state change commits, so it must be quick;
    /// `log` gets plain-words lines for the service log (never personal data or secrets), each through
    /// `LogText`, since they quote what issuers answer.
    public init(store: KioskStore, issuer: (any IssuerAdapter)?, settings: ForwarderSettings = ForwarderSettings(),
                onChange: @escaping @Sendable (OutboxChange) -> Void = { _ in },
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.issuer = issuer
        self.settings = settings
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
        let recovered = try store.recoverInterruptedSends(at: .now())
        if recovered > 0 {
            log("\(recovered) award(s) were being sent when the service last stopped; " + (issuer?.canLookUp == false
                    ? "the issuer cannot be asked about them, so each waits for staff to check it"
                    : "each is looked up at the issuer before it is sent again"))
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

    /// Lets requests in flight finish and record their outcome, stops every thread, and puts awards
    /// taken but not sent back in the queue. Call before closing the store.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        let left = buffer
        buffer = []
        condition.unlock()
        release(left, dueAt: .now())
    }

    /// Whether and why sending is paused, and how much is in flight.
    public var status: ForwarderStatus {
        condition.lock()
        defer { condition.unlock() }
        let paused = pausedUntil.flatMap { $0 > Date() ? Timestamp($0) : nil }
        return ForwarderStatus(issuer: issuer?.kind, pausedUntil: paused, inFlight: inFlight, lastProblem: lastProblem)
    }

    /// A retry is committed for `date`: make sure the coordinator is awake by then.
    func schedule(_ date: Date) {
        condition.lock()
        if date < dueHint {
            dueHint = date
            condition.broadcast()
        }
        condition.unlock()
    }

    func release(_ items: [OutboxItem], dueAt: Timestamp) {
        guard !items.isEmpty else { return }
        do {
            try store.releaseAwards(items.map(\.id), dueAt: dueAt, at: .now())
        } catch {
            // They stay `sending`; the next start looks each up before sending, so nothing is lost or doubled.
            log("could not put \(items.count) unsent award(s) back in the queue: \(error)")
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
        var nextPurge = Date()
        var nextDue = Date.distantFuture
        condition.lock()
        defer { condition.unlock() }
        while !stopping {
            let now = Date()
            if let days = settings.retentionDays, now >= nextPurge {
                condition.unlock()
                purge(days: days)
                condition.lock()
                nextPurge = now.addingTimeInterval(settings.purgeInterval)
                continue
            }
            let paused = pausedUntil.map { $0 > now } ?? false
            let wantsMore = issuer != nil && !paused && buffer.count < settings.lowWater
            if wantsMore && (wakeRequested || min(nextDue, dueHint) <= now) {
                // Cleared before looking, so a wake or retry committed meanwhile is not lost.
                wakeRequested = false
                dueHint = .distantFuture
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
            var deadline = settings.retentionDays == nil ? Date.distantFuture : nextPurge
            if issuer != nil, let until = pausedUntil, until > now {
                deadline = min(deadline, until)
            } else if wantsMore {
                deadline = min(deadline, nextDue, dueHint)
            }
            if deadline == .distantFuture {
                // Nothing is due and no purge is kept: sleep until woken (a timed wait that far ahead traps).
                condition.wait()
            } else {
                _ = condition.wait(until: deadline)
            }
        }
    }

    /// Takes due awards; also answers when to look again.
    private func fetch(_ now: Date) -> ([OutboxItem], Date) {
        do {
            let items = try store.takeDueAwards(limit: settings.batchSize, now: Timestamp(now))
            if items.count == settings.batchSize { return (items, now) }
            return (items, try store.nextDueTime()?.date ?? .distantFuture)
        } catch {
            log("cannot read the outbox: \(error)")
            return ([], now.addingTimeInterval(5))
        }
    }

    private func purge(days: Int) {
        do {
            let erased = try store.purgePersonalData(olderThanDays: days, at: .now())
            if erased > 0 { log("erased the name and email of \(erased) claim(s) sent more than \(days) days ago") }
        } catch {
            log("the personal data purge failed, and will be tried again tomorrow: \(error)")
        }
    }
}
