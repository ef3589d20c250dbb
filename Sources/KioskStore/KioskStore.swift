import Dispatch
import Foundation
import KioskCore
import Posix

/// The kiosk's durable state in one SQLite file: one writer thread with group commit, pooled readers.
///
/// A write's completion runs only after its transaction committed with WAL and `synchronous=FULL`,
/// so whatever a completion acknowledges survives `kill -9` and power loss (docs/ARCHITECTURE.md §4.1).
public final class KioskStore: Sendable {
    /// The database's name inside the state directory.
    public static let fileName = "badgekiosk.sqlite"
    /// The lock file the running service holds in the state directory (see `FolderLock`).
    public static let lockFileName = "service.lock"
    /// Concurrent readers beyond this many wait for a connection to come free.
    static let maxReaders = 8

    /// The database file's full path.
    public let path: String
    /// The secret key of this kiosk's `ClaimerKey` hashes.
    let claimerSecret: [UInt8]
    /// The clocks when the store opened, and the newest time it held: what the purge judges the wall clock by.
    public let clock: ClockAnchor
    private let writer: CommitQueue
    private let readers: ReaderPool
    private let health = StoreHealth()

    /// Opens (creating if needed) `<directory>/badgekiosk.sqlite`, checks it is not damaged, brings
    /// its schema up to date and starts the writer thread. A missing directory is created readable by
    /// its owner only; a damaged database is refused with `.damaged` before anything is written to it.
    public init(directory: String) throws(StoreError) {
        path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotOpen(path: path, reason: "the directory could not be created (\(error.localizedDescription))")
        }
        let connection = try Connection.open(path: path, readOnly: false)
        do {
            try Self.checkIntegrity(connection, path: path)
            try Self.configureWriter(connection, path: path)
            try Migrations.migrate(connection, at: .now())
            claimerSecret = try Migrations.claimerSecret(connection)
            clock = ClockAnchor(wall: .now(), monotonic: MonotonicClock.nanoseconds(),
                                newestRecorded: try Self.newestRecordedTime(connection))
        } catch {
            connection.close()
            throw error
        }
        writer = CommitQueue(connection: connection, health: health)
        readers = ReaderPool(path: path, limit: Self.maxReaders, health: health)
        writer.start()
    }

    deinit {
        close()
    }

    /// Lets queued writes finish and commit, stops the writer thread and closes every connection.
    /// Safe to call more than once; afterwards writes and reads fail with `.closed`.
    public func close() {
        writer.stop()
        readers.close()
    }

    /// Queues `work` for the writer thread; `completion` gets its result once the batch it ran in
    /// has committed (or failed).
    ///
    /// `work` runs inside a savepoint of a shared transaction: throwing undoes its changes alone.
    /// It must not manage transactions itself. `completion` runs on the store's answers queue, one
    /// after another in the order the writes were queued, so it must be quick and must not wait for another write.
    public func write<T: Sendable>(_ work: @escaping @Sendable (Connection) throws -> T,
                                   completion: @escaping @Sendable (Result<T, StoreError>) -> Void) {
        let job = PendingWrite(work: work, completion: completion)
        if !writer.enqueue(job) { completion(.failure(.closed)) }
    }

    /// Runs `work` on the writer thread and waits until it has committed: for the command line and tests.
    /// Calling it from a write completion is refused, since that would wait for itself.
    public func writeAndWait<T: Sendable>(_ work: @escaping @Sendable (Connection) throws -> T) throws(StoreError) -> T {
        try waitFor { write(work, completion: $0) }
    }

    /// Starts an operation that answers through a completion and waits for its answer.
    func waitFor<T: Sendable>(
        _ start: (@escaping @Sendable (Result<T, StoreError>) -> Void) -> Void
    ) throws(StoreError) -> T {
        guard !writer.isWriterOrCompletion else {
            throw .invalid("a write cannot wait for another write from inside a write completion")
        }
        let answer = Locked<Result<T, StoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        start { result in
            answer.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try answer.withLock { $0 ?? .failure(.closed) }.get()
    }

    /// The storage fault the store last met, until a later write proves the disk works again; nil when healthy.
    public var storageFault: StorageFault? {
        health.current
    }

    /// Tries a small real write, so a fault clears as soon as the disk takes writes again even when
    /// nothing else is being saved; `completion` gets the fault left afterwards (nil when healthy).
    public func checkStorage(at now: Timestamp = .now(), completion: @escaping @Sendable (StorageFault?) -> Void) {
        let health = health
        write({ connection in
            let probe = try connection.cached("""
                INSERT INTO kiosk_state (name, value) VALUES ('storage_checked_at', ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """)
            try probe.bind(now.milliseconds, at: 1)
            try probe.run()
        }, completion: { _ in completion(health.current) })
    }

    /// How the writer has batched so far; for tests and status.
    public var writerStats: WriterStats {
        writer.currentStats
    }

    /// Runs `body` on a pooled read-only connection, in one read transaction.
    func withReader<T>(_ body: (Connection) throws(StoreError) -> T) throws(StoreError) -> T {
        try readers.withReader(body)
    }

    /// `PRAGMA quick_check` on the whole file (`integrity_check` when `full`, which also compares every
    /// index with its table). Damage found at start-up stops the start with its first problem, rather
    /// than failing some claims for ever later while the service looks healthy.
    static func checkIntegrity(_ connection: Connection, path: String, full: Bool = false) throws(StoreError) {
        let problem: String
        do {
            let check = try connection.prepare(full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)")
            let answer = try check.step() ? check.text(at: 0) ?? "" : "no answer from the check"
            guard answer != "ok" else { return }
            problem = answer
        } catch where StorageFault.kind(of: error) == .damaged {
            guard case let .sqlite(_, message) = error else { throw error }
            problem = message
        }
        // Its first line may only say which database (`*** in database main ***`); the rest says what is wrong.
        let lines = problem.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let telling = lines.filter { !$0.hasPrefix("*** in database") }
        throw .damaged(path: path, problem: (telling.isEmpty ? lines : telling).joined(separator: "; "))
    }

    /// The newest time the kiosk's work has written: claims, award updates, sessions, codes, badges,
    /// programmes. Times set for the future (expiries, next attempts) and migrations do not count.
    private static func newestRecordedTime(_ connection: Connection) throws(StoreError) -> Timestamp? {
        let newest = try connection.prepare("""
            SELECT MAX(t) FROM (
                SELECT MAX(created_at) AS t FROM claims UNION ALL SELECT MAX(updated_at) FROM awards
                UNION ALL SELECT MAX(created_at) FROM sessions UNION ALL SELECT MAX(ended_at) FROM sessions
                UNION ALL SELECT MAX(created_at) FROM claim_codes UNION ALL SELECT MAX(updated_at) FROM badges
                UNION ALL SELECT MAX(created_at) FROM programmes)
            """)
        guard try newest.step() else { return nil }
        return newest.optionalInt64(at: 0).map(Timestamp.init(milliseconds:))
    }

    /// WAL lets readers run beside the writer; FULL syncs the log on every commit, which is what
    /// makes an acknowledged claim survive power loss.
    private static func configureWriter(_ connection: Connection, path: String) throws(StoreError) {
        let journal = try connection.prepare("PRAGMA journal_mode = WAL")
        guard try journal.step(), journal.text(at: 0)?.lowercased() == "wal" else {
            throw .cannotOpen(path: path, reason: "it could not be switched to write-ahead logging")
        }
        try connection.execute("PRAGMA synchronous = FULL")
        try connection.execute("PRAGMA temp_store = MEMORY")
        try connection.execute("PRAGMA wal_autocheckpoint = \(checkpointFrames)")
    }

    /// Log pages after which a commit copies the log into the database (SQLite's default is 1000).
    /// The copy runs inside the commit that passes the mark, so the claims of that batch wait for it:
    /// a quarter of the default makes each copy a quarter as long, and under wrk's 64 connections on
    /// 400k claims p99 fell from 13–20 ms to 11–16 ms, for about 12% fewer claims a second
    /// (docs/ARCHITECTURE.md §4.11).
    static let checkpointFrames = 250
}
