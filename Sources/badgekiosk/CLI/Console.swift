@preconcurrency import Glibc
import Posix

/// Lines to standard output and standard error, each in one write so threads never interleave them.
enum Console {
    static func out(_ line: String) {
        write(1, line)
    }

    static func error(_ line: String) {
        write(2, line)
    }

    /// `text` to standard output as it is, with no line end added: a prompt, or CSV, which ends its
    /// records with CRLF itself.
    static func text(_ text: String) {
        Array(text.utf8).withUnsafeBytes { try? FileDescriptor.writeAll(1, $0) }
    }

    private static func write(_ fd: Int32, _ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { try? FileDescriptor.writeAll(fd, $0) }
    }
}
