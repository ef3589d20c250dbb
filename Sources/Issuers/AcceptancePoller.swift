import Foundation
import KioskCore
import KioskStore
import Posix

/// Asks the issuer, gently, whether learners accepted their sent awards, and records each answer
/// (docs/ARCHITECTURE.md §4.9). Runs in the service beside the forwarder, on one thread of its own.
///
/// It reads due awards from the store (`AcceptanceSchedule`: first an hour after sending, then at
/// doubling gaps up to a day, for 30 days, until accepted), asks about one at a time at the pace
/// `AcceptancePacing` sets, and records each answer in a committed write of its own. It never starts
/// for an issuer that cannot tell (Badgr) or when none is configured: reports then say "not known".
/// Waits run on the monotonic clock; the store's times are read against the wall clock when asked.
public final class AcceptancePoller: @unchecked Sendable {
    let store: KioskStore
    let issuer: (any IssuerAdapter)?
    let settings: AcceptanceSettings
    let log: @Sendable (String) -> Void

    private let condition = MonotonicCondition()
    // Guarded by `condition`.
    private var pacing: AcceptancePacing
    private var stopping = false
    private var started = false
    private var running = false

    /// `log` gets plain-words lines for the service log, each through `LogText`, since they quote the issuer.
    public init(store: KioskStore, issuer: (any IssuerAdapter)?, settings: AcceptanceSettings = AcceptanceSettings(),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.issuer = issuer
        self.settings = settings
        pacing = AcceptancePacing(settings)
        self.log = { log(LogText.sanitize($0)) }
    }

    /// Starts the checks' thread, unless the issuer cannot tell acceptance (or there is none).
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started, !stopping, let issuer, issuer.canTellAcceptance else { return }
        started = true
        running = true
        let thread = Thread { [self] in
            poll(issuer)
            condition.lock()
            running = false
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "kiosk-acceptance"
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Whether the checks' thread is running.
    public var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running
    }

    /// Asks nothing more, without waiting: lets a shutdown stop the forwarder meanwhile.
    public func beginStopping() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops asking and waits for the thread (for `settings.stopGrace` seconds at most). A question
    /// still in flight after that is left: its answer is not needed, and its award is asked again later.
    public func stop() {
        beginStopping()
        condition.lock()
        let deadline = Moment.now().adding(seconds: settings.stopGrace)
        while running, condition.wait(until: deadline.nanoseconds) {}
        condition.unlock()
    }

    /// The thread: a round of due awards, one question at a time at the pace allowed, then the next round.
    private func poll(_ issuer: any IssuerAdapter) {
        var generator = SystemRandomNumberGenerator()
        var round: [SentAward] = []
        var roundWasFull = false
        var nextLook = Moment.now()
        condition.lock()
        defer { condition.unlock() }
        while !stopping {
            let now = Moment.now()
            if round.isEmpty {
                if !roundWasFull, nextLook > now {
                    _ = condition.wait(until: nextLook.nanoseconds)
                    continue
                }
                condition.unlock()
                let due = fetch()
                condition.lock()
                round = due ?? []
                roundWasFull = round.count == settings.batchSize
                nextLook = now.adding(seconds: settings.idleInterval)
                continue
            }
            let earliest = pacing.nextQuestion(after: now)
            if earliest > now {
                _ = condition.wait(until: earliest.nanoseconds)
                continue
            }
            let award = round.removeFirst()
            // Read at its turn: a round waits on the pace, and an award may have left its window meanwhile.
            guard settings.schedule.isDue(sentAt: award.sentAt, checkedAt: award.checkedAt, now: .now()) else {
                // Not read again at once: a round of such awards must never turn into a loop on the store.
                roundWasFull = false
                continue
            }
            pacing.asked(at: now)
            condition.unlock()
            let result = issuer.acceptance(award)
            condition.lock()
            let actions = pacing.on(result, at: .now(), using: &generator)
            for case let .pause(until) in actions {
                // What is still due after the pause is read again then.
                round = []
                roundWasFull = false
                nextLook = until
            }
            condition.unlock()
            for action in actions {
                switch action {
                case let .log(line): log(line)
                case let .record(answer): record(award, answer)
                case .pause: break
                }
            }
            condition.lock()
        }
    }

    /// Due awards, or nil (logged) when the store cannot be read.
    private func fetch() -> [SentAward]? {
        do {
            return try store.awardsDueAcceptanceCheck(schedule: settings.schedule, limit: settings.batchSize, now: .now())
        } catch {
            if error != .closed { log("cannot read the awards due an acceptance check: \(error)") }
            return nil
        }
    }

    private func record(_ award: SentAward, _ answer: AcceptanceAnswer) {
        do {
            try store.recordAcceptance(award.id, answer, at: .now())
        } catch {
            // The award stays due, so it is simply asked about again later.
            if error != .closed { log("could not record what the issuer said about award \(award.id)'s acceptance: \(error)") }
        }
    }
}
