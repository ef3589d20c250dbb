import Foundation
import HTTPCore
import HTTPKit
import KioskAPI
import Posix

/// Claims sent at a steady rate from several keep-alive connections, each from its own loopback
/// address, through every restart of the service: a claim that got no answer (the service was killed
/// mid-request) is sent again once the service is back, as a phone would, so it ends answered.
final class SoakLoad: @unchecked Sendable {
    /// What the service answered.
    struct Tally: Equatable {
        /// Claim id to email, for every claim answered 201 or 200.
        var acknowledged: [String: String] = [:]
        /// Claims answered 200: sent again after a lost answer, and already stored.
        var repeats = 0
        /// Claims refused with 503 (the disk was full).
        var refused = 0
        /// Any other answer, by status.
        var other: [Int: Int] = [:]
        /// Claims whose first attempt got no answer at all, so they were sent again.
        var resent = 0
    }

    private let requests: ClaimRequests
    private let connections: Int
    /// Nanoseconds between two claims on one connection.
    private let interval: UInt64
    private let port: Locked<Int>
    private let stopping = Locked(false)
    private let tally = Locked(Tally())
    private let sequence = Locked(0)
    private let group = DispatchGroup()

    /// `perSecond` claims a second in all, spread over `connections`, to the service on `port`.
    init(requests: ClaimRequests, connections: Int, perSecond: Int, port: Int) {
        self.requests = requests
        self.connections = connections
        interval = UInt64(Double(connections) / Double(perSecond) * 1e9)
        self.port = Locked(port)
    }

    /// Sends from now on to the service listening on `port` (a restarted service has a new port).
    func retarget(port: Int) {
        self.port.withLock { $0 = port }
    }

    var acknowledgedCount: Int { tally.withLock { $0.acknowledged.count } }
    var refusedCount: Int { tally.withLock { $0.refused } }

    func start() {
        let start = MonotonicClock.nanoseconds()
        for index in 0..<connections {
            group.enter()
            // Staggered, so the connections' claims do not all arrive together.
            let first = start + interval * UInt64(index) / UInt64(connections)
            let thread = Thread { [self] in
                defer { group.leave() }
                send(from: LoadRun.phoneAddress(index), startingAt: first)
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Stops sending (a claim still waiting for an answer is given up) and returns what was answered;
    /// a second call returns the same at once.
    func stop() -> Tally {
        stopping.withLock { $0 = true }
        group.wait()
        return tally.withLock { $0 }
    }

    private func send(from address: String, startingAt first: UInt64) {
        var client: HTTPClient?
        defer { client?.close() }
        var due = first
        while !stopping.withLock({ $0 }) {
            let now = MonotonicClock.nanoseconds()
            if due > now { usleep(UInt32(min(due - now, 200_000_000) / 1000)); continue }
            // After a pause (a restart) the next claim goes at once but the ones after keep the rate.
            due = max(due + interval, now)
            let number = sequence.withLock { value in
                defer { value += 1 }
                return value
            }
            let request = requests.request(number)
            var attempts = 0
            while !stopping.withLock({ $0 }) {
                attempts += 1
                let port = port.withLock { $0 }
                if client?.port != port {
                    client?.close()
                    client = try? HTTPClient(host: "127.0.0.1", port: port, timeout: 10, sourceAddress: address)
                }
                if let connection = client,
                   let response = try? connection.send(method: request.method, path: request.path,
                                                      headers: request.headers, body: request.body) {
                    record(response, email: requests.email(number), resent: attempts > 1)
                    break
                }
                client?.close()
                client = nil
                usleep(50_000)
            }
        }
    }

    private func record(_ response: HTTPClientResponse, email: String, resent: Bool) {
        let id = (try? KioskAPI.decode(ClaimReply.self, from: response.body))?.claim.id
        tally.withLock { tally in
            if resent { tally.resent += 1 }
            switch (response.status, id) {
            case (201, let id?): tally.acknowledged[id] = email
            case (200, let id?):
                tally.acknowledged[id] = email
                tally.repeats += 1
            case (503, _): tally.refused += 1
            default: tally.other[response.status, default: 0] += 1
            }
        }
    }
}
