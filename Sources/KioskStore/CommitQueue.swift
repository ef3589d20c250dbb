import CSQLite
@preconcurrency import Glibc
import Foundation

/// The one writer thread and its queue: group commit (docs/ARCHITECTURE.md §4.1).
///
/// The thread takes every job waiting (up to `maxBatch`), runs them in one `BEGIN IMMEDIATE`
/// transaction, each inside its own savepoint so a failing job is undone alone, commits once,
/// and only then hands the batch to the answers queue, which calls the completions in order. Under
/// light load a batch is a single job and nothing waits on a timer; under a burst one fsync serves
/// the whole batch.
///
/// The writer is the one thing every claim waits for in turn, so it does nothing a completion can
/// do elsewhere: building and encoding a batch's answers runs on the answers queue while the writer
/// commits the next batch (it took an eighth of the writer's time under load).
final class CommitQueue: @unchecked Sendable {
    /// Bounds one transaction, so a flood of writes still commits (and answers) in steps.
    static let maxBatch = 1000

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [any WriteJob] = []
    private var accepting = true
    private var running = false
    private var writerThread: pthread_t?
    private var stats = WriterStats()
    // Touched only by the writer thread once it has started.
    private let connection: Connection
    private let health: StoreHealth
    /// Calls completions, one committed batch after another, in the order the jobs were queued.
    private let answers = DispatchQueue(label: "kiosk-store-answers")
    private static let answering = DispatchSpecificKey<Bool>()

    /// Takes over `connection`, which no other thread may use from now on; reports storage faults to `health`.
    init(connection: Connection, health: StoreHealth) {
        self.connection = connection
        self.health = health
        answers.setSpecific(key: Self.answering, value: true)
    }

    /// Starts the writer thread.
    func start() {
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in run() }
        thread.name = "kiosk-writer"
        thread.start()
    }

    /// Queues `job`; false when the queue has stopped accepting work.
    func enqueue(_ job: any WriteJob) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard accepting else { return false }
        waiting.append(job)
        if waiting.count == 1 { condition.broadcast() }
        return true
    }

    /// True inside a completion (or on the writer thread), where waiting for a write would wait for itself:
    /// the write's own completion would be queued behind the one waiting.
    var isWriterOrCompletion: Bool {
        if DispatchQueue.getSpecific(key: Self.answering) == true { return true }
        condition.lock()
        defer { condition.unlock() }
        guard let writerThread else { return false }
        return pthread_equal(writerThread, pthread_self()) != 0
    }

    var currentStats: WriterStats {
        condition.lock()
        defer { condition.unlock() }
        return stats
    }

    /// Stops accepting work, lets the writer finish what is queued and answer it, and waits for it to
    /// close its connection (unless called from a completion, which the writer waits for in turn).
    func stop() {
        let inCompletion = isWriterOrCompletion
        condition.lock()
        defer { condition.unlock() }
        accepting = false
        condition.broadcast()
        if inCompletion { return }
        while running { condition.wait() }
    }

    private func run() {
        condition.lock()
        writerThread = pthread_self()
        condition.unlock()
        var batch: [any WriteJob] = []
        batch.reserveCapacity(Self.maxBatch)
        while take(into: &batch) {
            var start = 0
            while start < batch.count {
                start = commit(batch, from: start)
            }
            batch.removeAll(keepingCapacity: true)
        }
        connection.close()
        // Every completion has run before `stop` returns, as the jobs' callers expect of a closed store.
        answers.sync {}
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work and moves up to `maxBatch` jobs into `batch`; false once stopped and drained.
    private func take(into batch: inout [any WriteJob]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && accepting { condition.wait() }
        if waiting.isEmpty { return false }
        if waiting.count <= Self.maxBatch {
            swap(&batch, &waiting)
        } else {
            batch.append(contentsOf: waiting[..<Self.maxBatch])
            waiting.removeFirst(Self.maxBatch)
        }
        return true
    }

    /// Runs `batch[start...]` in one transaction and answers the jobs it covered.
    ///
    /// Returns where the next transaction must start: the end of the batch, or just past a job
    /// after which SQLite had rolled the whole transaction back on its own (disk full, I/O error).
    private func commit(_ batch: [any WriteJob], from start: Int) -> Int {
        do {
            try step("BEGIN IMMEDIATE")
        } catch {
            health.failed(error)
            let done = Array(batch[start...])
            for job in done { job.fail(error) }
            answers.async { for job in done { job.complete() } }
            return batch.count
        }
        var end = start
        var lost: StoreError?
        var changed = false
        while end < batch.count, lost == nil {
            let job = batch[end]
            end += 1
            if let failure = runInSavepoint(job, changed: &changed) { lost = failure }
        }
        if lost == nil {
            do {
                try step("COMMIT")
                if changed { health.wrote() }
            } catch {
                lost = error
            }
        }
        if let lost {
            health.failed(lost)
            connection.resetActiveStatements()
            if connection.inTransaction { try? step("ROLLBACK") }
            for job in batch[start..<end] { job.fail(lost) }
        }
        condition.lock()
        stats.jobs += end - start
        if lost == nil {
            stats.commits += 1
            stats.largestBatch = max(stats.largestBatch, end - start)
        }
        condition.unlock()
        let done = Array(batch[start..<end])
        answers.async { for job in done { job.complete() } }
        return end
    }

    /// Runs one job inside a savepoint, undoing it alone if it throws; sets `changed` when it kept changed rows.
    /// Returns an error only when the surrounding transaction cannot be committed.
    private func runInSavepoint(_ job: any WriteJob, changed: inout Bool) -> StoreError? {
        do {
            try step("SAVEPOINT job")
        } catch {
            health.failed(error)
            job.fail(error)
            return connection.inTransaction ? nil : error
        }
        let changesBefore = connection.totalChanges
        let failure = job.perform(on: connection)
        if let failure { health.failed(failure) } else if connection.totalChanges != changesBefore { changed = true }
        connection.resetActiveStatements()
        guard connection.inTransaction else {
            return .sqlite(code: SQLITE_ABORT, message: "the transaction was rolled back after an error")
        }
        do {
            if failure != nil { try step("ROLLBACK TO job") }
            try step("RELEASE job")
            return nil
        } catch {
            // The savepoint is stuck open, so its changes could ride along with the commit: give up the batch.
            return error
        }
    }

    /// Runs one cached transaction-control statement.
    private func step(_ sql: String) throws(StoreError) {
        try connection.cached(sql).run()
    }
}
