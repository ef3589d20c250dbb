@preconcurrency import Glibc
import Posix

/// An append-only log file, one write per line so threads never interleave.
///
/// The demo sends the service's request log here: on the terminal it would scribble over the front.
final class LogFile: Sendable {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = try retryingEINTR("open \(path)") { open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600) }
    }

    deinit { FileDescriptor.close(fd) }

    func line(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { try? FileDescriptor.writeAll(fd, $0) }
    }
}
