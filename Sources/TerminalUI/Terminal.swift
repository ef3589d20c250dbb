@preconcurrency import Glibc
import CLinux
import Posix

/// The controlling terminal: raw mode on the way in, and put back as it was on every way out.
///
/// Raw mode here means: no echo, no line editing, no signals from keys (Ctrl-C, Ctrl-Z and
/// Ctrl-\ do nothing, so a learner cannot leave the front), no flow control. Output processing is
/// kept, so a crash message after a restore still lands at the start of a line.
public final class Terminal {
    public let input: Int32
    public let output: Int32
    private var saved: termios?

    /// What every exit writes before the saved settings go back: plain style, autowrap and cursor on, a clear
    /// screen, then back from the alternate screen, so an emulator shows what was there before the front.
    public static let resetSequence = "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[H\u{1B}[2J\u{1B}[?1049l"
    /// The alternate screen (emulators keep the shell's screen aside; the Linux VT ignores it and is
    /// cleared on the way out instead), cursor off (the front draws its own caret) and autowrap off
    /// (writing the last column never scrolls).
    public static let setupSequence = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l"

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// True when input is a terminal (not a pipe or file).
    public var isTerminal: Bool { isatty(input) == 1 }

    /// Switches to raw mode and installs the signal handlers that undo it (see `CLinux_terminal_guard_install`).
    /// `wakeFD` is written to on SIGWINCH.
    public func enterRawMode(wakeFD: Int32) throws(SystemError) {
        var original = termios()
        try retryingEINTR("tcgetattr") { tcgetattr(input, &original) }
        saved = original
        var raw = original
        raw.c_iflag &= ~tcflag_t(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        raw.c_cflag = (raw.c_cflag & ~tcflag_t(CSIZE | PARENB)) | tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        Self.resetSequence.withCString { reset in
            CLinux_terminal_guard_install(input, output, &original, reset, wakeFD)
        }
        try retryingEINTR("tcsetattr") { tcsetattr(input, TCSAFLUSH, &raw) }
        try write(Array(Self.setupSequence.utf8))
    }

    /// Puts the terminal back as it was; safe to call more than once.
    public func restore() {
        guard var original = saved else { return }
        saved = nil
        try? write(Array(Self.resetSequence.utf8))
        _ = try? retryingEINTR("tcsetattr") { tcsetattr(input, TCSAFLUSH, &original) }
        CLinux_terminal_guard_remove()
    }

    /// True once after each SIGWINCH.
    public func takeResize() -> Bool {
        CLinux_terminal_guard_take_resize() != 0
    }

    /// The window size, or 80×25 when the output is not a terminal.
    public func size() -> TerminalSize {
        var window = winsize()
        let result = systemCall("ioctl(TIOCGWINSZ)") { ioctl(output, UInt(CLinux_TIOCGWINSZ), &window) }
        guard case .success = result, window.ws_col > 0, window.ws_row > 0 else { return .standard }
        return TerminalSize(columns: Int(window.ws_col), rows: Int(window.ws_row))
    }

    /// Writes all of `bytes` in as few calls as the kernel allows (one, for a frame).
    public func write(_ bytes: [UInt8]) throws(SystemError) {
        let output = output
        try bytes.withUnsafeBytes { raw in
            Result { () throws(SystemError) in try FileDescriptor.writeAll(output, raw) }
        }.get()
    }
}
