@preconcurrency import Glibc
import CLinux
import Posix

/// A program running on the slave side of a new pseudo-terminal, driven from the master side:
/// for the end-to-end test and the benchmark, which run the real `badgekiosk front`.
public final class PseudoTerminal {
    public let master: Int32
    public let pid: pid_t
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` in a new session whose controlling terminal is the pty.
    public init(executable: String, arguments: [String], environment: [String: String],
                size: TerminalSize) throws(SystemError) {
        var master: Int32 = -1
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        pid = try retryingEINTR("forkpty") {
            CLinux_spawn_in_pty(&master, executable, argv, envp, UInt16(size.rows), UInt16(size.columns))
        }
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        FileDescriptor.close(master)
    }

    /// Types `bytes` as if on the keyboard.
    public func send(_ bytes: [UInt8]) throws(SystemError) {
        let master = master
        try bytes.withUnsafeBytes { raw in
            Result { () throws(SystemError) in try FileDescriptor.writeAll(master, raw) }
        }.get()
    }

    public func send(_ text: String) throws(SystemError) {
        try send(Array(text.utf8))
    }

    /// The program's output that arrives within `timeoutMilliseconds`: returns after the first read
    /// that gets something; empty when nothing came (or the program closed the terminal).
    public func read(timeoutMilliseconds: Int32) throws(SystemError) -> [UInt8] {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = try retryingEINTR("poll") { poll(&poller, 1, timeoutMilliseconds) }
        guard ready > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let descriptor = master
        let result = buffer.withUnsafeMutableBytes { raw in
            systemCall("read(pty)") { Glibc.read(descriptor, raw.baseAddress, raw.count) }
        }
        switch result {
        case .success(let count): return Array(buffer[..<count])
        // EIO: every slave descriptor is closed, i.e. the program has exited.
        case .failure(let error) where error.code == EIO: return []
        case .failure(let error): throw error
        }
    }

    /// Changes the window size; the kernel sends SIGWINCH to the program.
    public func resize(_ size: TerminalSize) throws(SystemError) {
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        try retryingEINTR("ioctl(TIOCSWINSZ)") { ioctl(master, UInt(CLinux_TIOCSWINSZ), &window) }
    }

    /// The terminal's current settings, as the program left them.
    public func attributes() throws(SystemError) -> termios {
        var settings = termios()
        try retryingEINTR("tcgetattr") { tcgetattr(master, &settings) }
        return settings
    }

    /// True when line editing and echo are on: the terminal is in cooked mode, as a shell expects.
    public func isCooked() throws(SystemError) -> Bool {
        let settings = try attributes()
        return settings.c_lflag & tcflag_t(ICANON) != 0 && settings.c_lflag & tcflag_t(ECHO) != 0
            && settings.c_lflag & tcflag_t(ISIG) != 0
    }

    /// Sends `signal` to the program.
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the program to end; its raw wait status (see `WIFEXITED`).
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        _ = try? retryingEINTR("waitpid") { waitpid(pid, &status, 0) }
        exitStatus = status
        return status
    }
}
