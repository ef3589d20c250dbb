@preconcurrency import Glibc

/// An exclusive `flock` on a file in a folder, held while this object lives or the process does (even a `kill -9` frees it).
///
/// The service holds one on its state folder while it runs, and a restore takes the same one, so a
/// database is never swapped under a running service and two services never share one folder.
public final class FolderLock: Sendable {
    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        FileDescriptor.close(fd)
    }

    /// Takes the lock on `<folder>/<name>` (made if missing, readable by its owner only) without waiting;
    /// nil when another process holds it.
    public static func take(_ name: String, in folder: String) throws(SystemError) -> FolderLock? {
        let path = "\(folder)/\(name)"
        let fd = try retryingEINTR("open \(path)") { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        switch systemCall("flock \(path)", { flock(fd, LOCK_EX | LOCK_NB) }) {
        case .success:
            return FolderLock(fd: fd)
        case .failure(let error) where error.wouldBlock:
            FileDescriptor.close(fd)
            return nil
        case .failure(let error):
            FileDescriptor.close(fd)
            throw error
        }
    }
}
