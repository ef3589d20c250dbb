import CSQLite

/// Why a store operation failed, in plain words that never carry a learner's email or a code's token.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or set up.
    case cannotOpen(path: String, reason: String)
    /// SQLite refused a call: its result code and message.
    case sqlite(code: Int32, message: String)
    /// A schema migration could not be applied; nothing of it was kept.
    case migrationFailed(version: Int, reason: String)
    /// The database was written by a newer badgekiosk than this one.
    case newerSchema(found: Int, supported: Int)
    /// The database file is damaged: SQLite's integrity check found `problem` (its first one, on one line).
    case damaged(path: String, problem: String)
    /// The store has been closed.
    case closed
    /// Something named does not exist, e.g. "badge obf-123" or "session 7".
    case notFound(String)
    /// A request the store refuses as it stands, e.g. a session with no badges.
    case invalid(String)
    /// A write job failed with an error of its own, described here.
    case jobFailed(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "Cannot open the database at \(path): \(reason)."
        case let .sqlite(code, message):
            "The database reported an error (\(code)): \(message)."
        case let .migrationFailed(version, reason):
            "Could not upgrade the database to version \(version): \(reason)."
        case let .newerSchema(found, supported):
            "The database is at version \(found), newer than this program understands (\(supported)). "
                + "Install the newer badgekiosk or restore an older backup."
        case let .damaged(path, problem):
            "The database at \(path) is damaged (\(problem))."
        case .closed:
            "The store is closed."
        case let .notFound(what):
            "There is no \(what)."
        case let .invalid(reason):
            "Refused: \(reason)."
        case let .jobFailed(reason):
            "A database write failed: \(reason)."
        }
    }

    /// True for a UNIQUE, PRIMARY KEY, CHECK or FOREIGN KEY violation.
    var isConstraint: Bool {
        if case let .sqlite(code, _) = self { return code & 0xFF == SQLITE_CONSTRAINT }
        return false
    }

    /// The error a throwing write job ended with, as the job's completion reports it.
    static func from(_ error: any Error) -> StoreError {
        (error as? StoreError) ?? .jobFailed(String(describing: error))
    }
}
