@preconcurrency import Glibc
import CLinux
import Posix

/// Asks the Linux console which characters its loaded font can show (GIO_UNIMAP).
public enum ConsoleFont {
    /// Whether the console font maps every one of `scalars` to a glyph; nil when `fd` is not a Linux VT
    /// (a terminal emulator, a pty, a pipe), where the question has no answer.
    public static func maps(_ scalars: [Unicode.Scalar], fd: Int32) -> Bool? {
        var description = unimapdesc(entry_ct: 0, entries: nil)
        // First ask how many entries there are: the kernel answers ENOMEM and fills in the count.
        switch systemCall("ioctl(GIO_UNIMAP)", { ioctl(fd, UInt(CLinux_GIO_UNIMAP), &description) }) {
        case .success: return scalars.isEmpty
        case .failure(let error) where error.code == ENOMEM: break
        case .failure: return nil
        }
        let count = Int(description.entry_ct)
        var entries = [unipair](repeating: unipair(), count: count)
        let result = entries.withUnsafeMutableBufferPointer { buffer in
            var filled = unimapdesc(entry_ct: UInt16(count), entries: buffer.baseAddress)
            return systemCall("ioctl(GIO_UNIMAP)") { ioctl(fd, UInt(CLinux_GIO_UNIMAP), &filled) }
        }
        guard case .success = result else { return nil }
        let mapped = Set(entries.map(\.unicode))
        return scalars.allSatisfy { $0.value <= 0xFFFF && mapped.contains(UInt16($0.value)) }
    }

    /// The half blocks a QR code drawn two module rows a cell needs: upper half, lower half, full block.
    public static func hasHalfBlocks(fd: Int32) -> Bool? {
        maps(["\u{2580}", "\u{2584}", "\u{2588}"], fd: fd)
    }
}
