import KioskCore

/// The outbox as the forwarder works it: take due awards, record what the issuer said.
///
/// An award is marked `sending` in a committed write before any byte goes to the issuer, so after
/// a crash every award that might have reached the issuer is still marked and gets looked up first.
extension KioskStore {
    /// What an operator's retry of one award did.
    public enum RetryOutcome: Sendable, Equatable {
        /// The award is queued to go now.
        case queued
        case notFound
        /// The issuer already has it: nothing to retry.
        case alreadySent
        /// It is being sent at this moment.
        case inFlight
        /// It may have reached the issuer: staff must check and choose to send it again or mark it arrived.
        case unsure
        /// It has no email to go to: one must be added to its claim first (or it lapsed waiting).
        case noEmail
    }

    /// Marks up to `limit` queued awards that are due at `now` as `sending` (one attempt more) and
    /// returns them, longest-waiting first.
    public func takeDueAwards(limit: Int, now: Timestamp) throws(StoreError) -> [OutboxItem] {
        try writeAndWait { connection in
            let due = try connection.cached("""
                SELECT a.id, a.claim_id, a.badge_id, a.attempts, a.verify, c.name, c.email, c.created_at
                FROM awards a JOIN claims c ON c.id = a.claim_id
                WHERE a.state = 'queued' AND a.next_attempt_at <= ?
                ORDER BY a.next_attempt_at, a.id LIMIT ?
                """)
            try due.bind(now.milliseconds, at: 1)
            try due.bind(limit, at: 2)
            var items: [OutboxItem] = []
            while try due.step() {
                items.append(OutboxItem(id: due.int64(at: 0), claimID: due.text(at: 1) ?? "",
                                        badgeID: due.text(at: 2) ?? "", name: due.text(at: 5) ?? "",
                                        email: due.text(at: 6) ?? "",
                                        claimedAt: Timestamp(milliseconds: due.int64(at: 7)),
                                        attempts: due.int(at: 3) + 1, verify: due.int(at: 4) != 0))
            }
            due.reset()
            let mark = try connection.cached("""
                UPDATE awards SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?
                """)
            for item in items {
                mark.reset()
                try mark.bind(now.milliseconds, at: 1)
                try mark.bind(item.id, at: 2)
                try mark.run()
            }
            return items
        }
    }

    /// After a restart: awards left `sending` may or may not have reached the issuer, so they go back
    /// to the queue marked for a look-up first, due at `dueAt`. Returns how many there were.
    public func recoverInterruptedSends(dueAt: Timestamp, at now: Timestamp) throws(StoreError) -> Int {
        try writeAndWait { connection in
            let recover = try connection.cached("""
                UPDATE awards SET state = 'queued', verify = 1, next_attempt_at = ?, updated_at = ?
                WHERE state = 'sending'
                """)
            try recover.bind(dueAt.milliseconds, at: 1)
            try recover.bind(now.milliseconds, at: 2)
            try recover.run()
            return connection.changes
        }
    }

    /// Makes every queued award not due until after `horizon` due at `now` instead; returns how many.
    ///
    /// No backoff or Retry-After puts an award off that far, so such a time was set by a clock that
    /// ran fast; kept, it would hold the award back until the real date caught up.
    public func pullInDistantRetries(beyond horizon: Timestamp, at now: Timestamp) throws(StoreError) -> Int {
        try writeAndWait { connection in
            let pull = try connection.cached("""
                UPDATE awards SET next_attempt_at = ?1, updated_at = ?1 WHERE state = 'queued' AND next_attempt_at > ?2
                """)
            try pull.bind(now.milliseconds, at: 1)
            try pull.bind(horizon.milliseconds, at: 2)
            try pull.run()
            return connection.changes
        }
    }

    /// Puts awards taken but never sent back in the queue, due at `dueAt`, without counting the attempt.
    public func releaseAwards(_ ids: [Int64], dueAt: Timestamp, at now: Timestamp) throws(StoreError) {
        guard !ids.isEmpty else { return }
        try writeAndWait { connection in
            let release = try connection.cached("""
                UPDATE awards SET state = 'queued', attempts = MAX(attempts - 1, 0), next_attempt_at = ?, updated_at = ?
                WHERE id = ? AND state = 'sending'
                """)
            for id in ids {
                release.reset()
                try release.bind(dueAt.milliseconds, at: 1)
                try release.bind(now.milliseconds, at: 2)
                try release.bind(id, at: 3)
                try release.run()
            }
        }
    }

    /// Records what became of an award being sent; only an award still `sending` changes.
    public func record(_ id: Int64, _ outcome: AwardOutcome, at now: Timestamp,
                       completion: @escaping @Sendable (Result<Void, StoreError>) -> Void) {
        write({ connection in
            let update = try connection.cached("""
                UPDATE awards SET state = ?1, issuer_ref = COALESCE(?2, issuer_ref), last_error = ?3, verify = ?4,
                    next_attempt_at = ?5, updated_at = ?6
                WHERE id = ?7 AND state = 'sending'
                """)
            let (state, reference, error, verify, next): (Award.State, String?, String?, Bool, Timestamp?) = switch outcome {
            case let .sent(reference): (.sent, reference, nil, false, nil)
            case let .failed(reason): (.failed, nil, reason, false, nil)
            // Still to be checked: if staff send it again, the look-up rule stays on.
            case let .unsure(reason): (.unsure, nil, reason, true, nil)
            case let .retry(error, ambiguous, nextAttempt): (.queued, nil, error, ambiguous, nextAttempt)
            }
            try update.bind(state.rawValue, at: 1)
            try update.bind(reference, at: 2)
            try update.bind(error, at: 3)
            try update.bind(verify ? 1 : 0, at: 4)
            try update.bind(next?.milliseconds, at: 5)
            try update.bind(now.milliseconds, at: 6)
            try update.bind(id, at: 7)
            try update.run()
        }, completion: completion)
    }

    /// When the next queued award falls due; nil when nothing is queued.
    public func nextDueTime() throws(StoreError) -> Timestamp? {
        try withReader { connection throws(StoreError) in
            let next = try connection.cached("SELECT MIN(next_attempt_at) FROM awards WHERE state = 'queued'")
            guard try next.step() else { return nil }
            return next.optionalInt64(at: 0).map(Timestamp.init(milliseconds:))
        }
    }

    /// Queues a failed (or not yet due) award to go at once, for an operator who fixed the cause.
    public func retryAward(_ id: Int64, at now: Timestamp,
                           completion: @escaping @Sendable (Result<RetryOutcome, StoreError>) -> Void) {
        write({ connection in
            let current = try connection.cached("SELECT state FROM awards WHERE id = ?")
            try current.bind(id, at: 1)
            guard try current.step() else { return RetryOutcome.notFound }
            let state = current.text(at: 0).flatMap(Award.State.init(rawValue:))
            current.reset()
            switch state {
            case .sent: return .alreadySent
            case .sending: return .inFlight
            case .unsure: return .unsure
            case .waiting, .lapsed: return .noEmail
            case .queued, .failed, nil: break
            }
            let retry = try connection.cached("""
                UPDATE awards SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ?
                """)
            try retry.bind(now.milliseconds, at: 1)
            try retry.bind(now.milliseconds, at: 2)
            try retry.bind(id, at: 3)
            try retry.run()
            return .queued
        }, completion: completion)
    }

    /// `retryAward` that returns once committed.
    public func retryAward(_ id: Int64, at now: Timestamp) throws(StoreError) -> RetryOutcome {
        try waitFor { retryAward(id, at: now, completion: $0) }
    }
}
