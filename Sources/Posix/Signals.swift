@preconcurrency import Glibc

/// Process-wide signal set-up for a long-running service.
public enum Signals {
    /// Blocks `signals` in the calling thread and every thread it starts later, so they can be
    /// taken synchronously with `wait`. Call before starting any thread.
    public static func block(_ signals: [Int32]) {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Ignores SIGPIPE: a peer that hangs up must make a write fail, not end the process.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Waits until one of `signals` (already blocked) arrives and returns it.
    public static func wait(for signals: [Int32]) -> Int32 {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }

    /// Waits up to `seconds` for one of `signals` (already blocked); nil when the time ran out.
    public static func wait(for signals: [Int32], seconds: Double) -> Int32? {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        var timeout = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        while true {
            let result = sigtimedwait(&set, nil, &timeout)
            if result > 0 { return result }
            if errno == EAGAIN { return nil }
        }
    }
}
