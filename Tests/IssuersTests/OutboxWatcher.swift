import Foundation
import Posix

/// Lines the service logged, from any thread.
final class LockedLog: Sendable {
    private let stored = Locked<[String]>([])
    func append(_ line: String) { stored.withLock { $0.append(line) } }
    var lines: [String] { stored.withLock { $0 } }
}

/// Reads `GET /api/v1/outbox` over and over while a drill runs, noting every answer that claims
/// everything was sent while some award was not.
final class OutboxWatcher: Sendable {
    private let state = Locked((stopped: false, finished: false, violations: [String](), sawUnsaved: false))

    init(_ rig: ServiceRig, total: Int) {
        let state = state
        Thread {
            while !state.withLock({ $0.stopped }) {
                if let reply = try? rig.send("GET", "/api/v1/outbox"),
                   let message = (reply.json["forwarding"] as? [String: Any])?["message"] as? String {
                    let counts = reply.json["counts"] as? [String: Int] ?? [:]
                    state.withLock { watched in
                        if message.hasPrefix("Everything has been sent"), counts["sent"] != total {
                            watched.violations.append("\(message) \(counts)")
                        }
                        if message.contains("could not save that yet") { watched.sawUnsaved = true }
                    }
                }
                usleep(2_000)
            }
            state.withLock { $0.finished = true }
        }.start()
    }

    /// Stops watching and waits for the last read to end.
    func stop() {
        state.withLock { $0.stopped = true }
        while !state.withLock({ $0.finished }) { usleep(1_000) }
    }

    var violations: [String] { state.withLock { $0.violations } }
    var sawUnsaved: Bool { state.withLock { $0.sawUnsaved } }
}
