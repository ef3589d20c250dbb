import CSQLite
import KioskCore

/// A problem with the disk under the store, as an admin needs to hear it: what is wrong, what to do.
///
/// A full disk, an I/O error or a read-only file lasts until a later write commits; damage found
/// while running lasts until the service restarts, where the start-up check refuses the file.
public struct StorageFault: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case full, inputOutput, readOnly, damaged
    }

    public var kind: Kind
    /// The first error of this kind since the store last wrote successfully.
    public var error: StoreError
    /// When it was first met.
    public var since: Timestamp

    public init(kind: Kind, error: StoreError, since: Timestamp) {
        self.kind = kind
        self.error = error
        self.since = since
    }

    /// The fault behind `error`, or nil when `error` says nothing about the disk (a refused request, a constraint).
    public static func kind(of error: StoreError) -> Kind? {
        guard case let .sqlite(code, _) = error else { return nil }
        switch code & 0xFF {
        case SQLITE_FULL: return .full
        case SQLITE_IOERR, SQLITE_CANTOPEN: return .inputOutput
        case SQLITE_READONLY: return .readOnly
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .damaged
        default: return nil
        }
    }

    public var description: String {
        switch kind {
        case .full:
            "The disk is full, so the kiosk cannot save claims. Free some space on it; saving starts again by itself."
        case .inputOutput:
            "The disk reported an error, so the kiosk cannot save claims. Check the disk and its free space."
        case .readOnly:
            "The database cannot be written (the disk or the file is read-only). Check the state folder's permissions."
        case .damaged:
            "The database is damaged. Stop the service and restore the database from a backup."
        }
    }
}
