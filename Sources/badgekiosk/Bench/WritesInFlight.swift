import Dispatch
import Posix

/// Store writes a bench has started and not yet heard back from, and how many of them failed.
final class WritesInFlight: @unchecked Sendable {
    private let group = DispatchGroup()
    private let failures = Locked(0)

    func begin() { group.enter() }

    func end(ok: Bool) {
        if !ok { failures.withLock { $0 += 1 } }
        group.leave()
    }

    /// Waits for every write begun; an error saying what could not be done if any failed.
    func waitAll(_ what: String) throws {
        group.wait()
        let failed = failures.withLock { $0 }
        guard failed == 0 else { throw RuntimeError("could not \(what): \(failed) write(s) failed") }
    }
}
