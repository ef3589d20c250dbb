import Dispatch
import Foundation
import KioskCore
import KioskStore
import Posix

/// Saving what became of each attempt, and keeping it in memory while the store cannot save it.
///
/// The issuer may have made an award the store cannot yet record (a full disk, an I/O error). The
/// outcome is then kept here and written again with backoff until the store takes it, so the award
/// ends `sent` once the disk recovers, with no restart and no second send. Meanwhile the award stays
/// `sending` in the store, so nothing reports it as settled; if the service stops first, the next
/// start looks it up at the issuer before sending anything.
extension Forwarder {
    /// What one attempt's outcome writes to the store.
    enum Settlement: Sendable, Equatable {
        case sent(reference: String)
        case failed(reason: String)
        /// Ambiguous at an issuer that cannot be asked: waits for staff.
        case unsure(reason: String)
        case retry(error: String, ambiguous: Bool, next: Moment)
        /// Taken but never sent: back to the queue, due then, the attempt not counted.
        case release(dueAt: Timestamp)

        var state: Award.State {
            switch self {
            case .sent: .sent
            case .failed: .failed
            case .unsure: .unsure
            case .retry, .release: .queued
            }
        }
    }

    /// Outcomes waiting to be saved again, by award id, and the state of the rewrite cycle.
    struct UnsavedOutcomes {
        var waiting: [Int64: (settlement: Settlement, at: Timestamp)] = [:]
        var rewriting = false
        var round = 0
    }

    /// Awards the issuer has answered whose outcome is only in memory for now.
    public var unsavedCount: Int {
        unsaved.withLock { $0.waiting.count }
    }

    /// Saves `settlement` for award `id`; if the store cannot, keeps it and tries again later.
    func settle(_ id: Int64, _ settlement: Settlement, at now: Timestamp) {
        write(id, settlement, at: now) { [self] result in
            switch result {
            case .success: saved(id, settlement)
            case let .failure(error): keep([id], settlement, at: now, after: error)
            }
        }
    }

    /// Keeps `settlement` for the awards `ids`, which the store just failed to save with `error`, and
    /// schedules writing it again; a closed store is the end of the run, so they wait for the next start.
    func keep(_ ids: [Int64], _ settlement: Settlement, at now: Timestamp, after error: StoreError) {
        guard error != .closed else {
            log("\(ids.count) award(s) stay marked as being sent: the store closed before their outcome was saved; "
                + "each is looked up at the issuer at the next start")
            return
        }
        let what = ids.count == 1 ? "award \(ids[0])" : "\(ids.count) awards"
        log("could not record \(what) as \(settlement.state.rawValue): \(error); "
            + "kept in memory and saved once the store takes writes again")
        unsaved.withLock { state in
            for id in ids { state.waiting[id] = (settlement, now) }
        }
        scheduleRewrite()
    }

    private func write(_ id: Int64, _ settlement: Settlement, at now: Timestamp,
                       completion: @escaping @Sendable (Result<Void, StoreError>) -> Void) {
        switch settlement {
        case let .sent(reference):
            store.record(id, .sent(reference: reference), at: now, completion: completion)
        case let .failed(reason):
            store.record(id, .failed(reason: reason), at: now, completion: completion)
        case let .unsure(reason):
            store.record(id, .unsure(reason: reason), at: now, completion: completion)
        case let .retry(error, ambiguous, next):
            // The retry is due after the same real time, whenever this write happens.
            let nextAttempt = Timestamp.now().adding(milliseconds: next.milliseconds(after: .now()))
            store.record(id, .retry(error: error, ambiguous: ambiguous, nextAttempt: nextAttempt), at: now,
                         completion: completion)
        case let .release(dueAt):
            completion(Result { () throws(StoreError) in try store.releaseAwards([id], dueAt: dueAt, at: now) })
        }
    }

    private func saved(_ id: Int64, _ settlement: Settlement) {
        if case let .retry(_, _, next) = settlement { schedule(next) }
        onChange(OutboxChange(awardID: id, state: settlement.state))
    }

    /// Starts a rewrite round after a backoff, unless one is under way (it starts the next itself).
    private func scheduleRewrite() {
        // Storage comes back when an admin frees space: a short cap lets the outbox catch up soon after.
        let backoff = Backoff(base: settings.backoff.base, cap: min(settings.backoff.cap, 30))
        let delay: Double? = unsaved.withLock { state in
            guard !state.rewriting, !state.waiting.isEmpty else { return nil }
            state.rewriting = true
            state.round += 1
            var generator = SystemRandomNumberGenerator()
            return backoff.delay(attempt: state.round, using: &generator)
        }
        guard let delay else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in rewrite() }
    }

    /// Writes every waiting outcome again; what the store takes leaves memory.
    private func rewrite() {
        let waiting = unsaved.withLock { $0.waiting }
        let done = DispatchGroup()
        let closed = Locked(false)
        for (id, entry) in waiting {
            done.enter()
            write(id, entry.settlement, at: entry.at) { [self] result in
                switch result {
                case .success:
                    unsaved.withLock { _ = $0.waiting.removeValue(forKey: id) }
                    saved(id, entry.settlement)
                case .failure(.closed):
                    closed.withLock { $0 = true }
                case .failure:
                    break
                }
                done.leave()
            }
        }
        done.wait()
        let (left, recovered) = unsaved.withLock { state in
            if closed.withLock({ $0 }) { state.waiting.removeAll() }
            state.rewriting = false
            let recovered = state.waiting.isEmpty && state.round > 0
            if state.waiting.isEmpty { state.round = 0 }
            return (state.waiting.count, recovered)
        }
        if closed.withLock({ $0 }) {
            log("\(waiting.count) award(s) stay marked as being sent: the store closed before their outcome was saved; "
                + "each is looked up at the issuer at the next start")
        } else if recovered {
            log("the store takes writes again: every award outcome kept in memory is saved")
        }
        if left > 0 { scheduleRewrite() }
    }
}
