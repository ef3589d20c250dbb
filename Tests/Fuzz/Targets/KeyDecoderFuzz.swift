#if DEBUG || FUZZING
import TerminalUI

/// The terminal key decoder, fed the input whole, one byte at a time, and one byte at a time
/// with a flush after each (as when every byte arrives after a quiet moment).
///
/// The feeds may give different keys (a sequence cut off by a quiet moment is not one key),
/// so only crashes and hangs are findings.
enum KeyDecoderFuzz {
    static func run(_ bytes: [UInt8]) {
        var whole = KeyDecoder()
        _ = whole.feed(bytes)
        _ = whole.flush()

        var trickled = KeyDecoder()
        var flushed = KeyDecoder()
        for byte in bytes {
            _ = trickled.feed(CollectionOfOne(byte))
            _ = flushed.feed(CollectionOfOne(byte))
            _ = flushed.flush()
        }
        _ = trickled.flush()
    }
}
#endif
