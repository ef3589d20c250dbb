import Foundation
import Posix

/// Everything the simulator remembers, behind one lock: awards, tokens, the request log, the fault dice.
final class SimulatorState: Sendable {
    private struct Inner {
        var awards: [SimulatedAward] = []
        /// Positions in `awards` by API, badge and lower-cased email: look-ups stay quick at 10,000 awards.
        var index: [AwardKey: [Int]] = [:]
        var requests: [SimulatedRequest] = []
        /// Token → when it was handed out (monotonic nanoseconds).
        var tokens: [String: UInt64] = [:]
        var generator: SeededGenerator
        var faults: FaultSpec
        var forced: [FaultSpec.Fault] = []
        var clockOffset: Double
        var nextID = 1
    }

    let started = MonotonicClock.nanoseconds()
    private let inner: Locked<Inner>

    init(faults: FaultSpec, seed: UInt64?, clockOffset: Double) {
        var system = SystemRandomNumberGenerator()
        inner = Locked(Inner(generator: SeededGenerator(seed: seed ?? system.next()), faults: faults, clockOffset: clockOffset))
    }

    var awards: [SimulatedAward] { inner.withLock { $0.awards } }
    var requests: [SimulatedRequest] { inner.withLock { $0.requests } }

    var faults: FaultSpec {
        get { inner.withLock { $0.faults } }
        set { inner.withLock { $0.faults = newValue } }
    }

    var clockOffset: Double {
        get { inner.withLock { $0.clockOffset } }
        set { inner.withLock { $0.clockOffset = newValue } }
    }

    /// The simulated issuer's clock, in seconds since the epoch.
    var now: Double { Date().timeIntervalSince1970 + clockOffset }

    func force(_ fault: FaultSpec.Fault, count: Int) {
        inner.withLock { $0.forced += Array(repeating: fault, count: count) }
    }

    /// The fault for the next award or look-up request: a forced one first, else a draw.
    func drawFault() -> FaultSpec.Fault? {
        inner.withLock { state in
            if !state.forced.isEmpty { return state.forced.removeFirst() }
            return state.faults.fault(for: Double.random(in: 0..<1, using: &state.generator))
        }
    }

    /// A fair coin from the seeded generator.
    func coin() -> Bool {
        inner.withLock { Bool.random(using: &$0.generator) }
    }

    func newToken() -> String {
        var system = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in String(system.next(), radix: 16) }.joined()
        let now = MonotonicClock.nanoseconds()
        inner.withLock { $0.tokens[token] = now }
        return token
    }

    /// True for a token handed out and still within `lifetime` seconds.
    func accepts(_ token: String, lifetime: Double) -> Bool {
        guard let issued = inner.withLock({ $0.tokens[token] }) else { return false }
        return MonotonicClock.nanoseconds() - issued < MonotonicClock.nanoseconds(seconds: lifetime)
    }

    /// Stores an award under a fresh id and returns it.
    func store(_ make: (String) -> SimulatedAward) -> SimulatedAward {
        inner.withLock { Self.append(make, to: &$0) }
    }

    /// Stores an award under a fresh plain number (Navigatr's ids are numbers) and returns it.
    func storeNumbered(_ make: (Int) -> SimulatedAward) -> SimulatedAward {
        inner.withLock { Self.append(numbered: make, to: &$0) }
    }

    /// Stores `make`'s award unless one from `api` for `badge` and exactly `email` is there already; nil when it is.
    func storeUnlessPresent(api: String, badge: String, email: String,
                            _ make: (String) -> SimulatedAward) -> SimulatedAward? {
        inner.withLock { state in
            let earlier = state.index[AwardKey(api: api, badge: badge, email: email)] ?? []
            if earlier.contains(where: { state.awards[$0].email == email }) { return nil }
            return Self.append(make, to: &state)
        }
    }

    /// Awards from `api` for `badge` to `email`, compared without regard to case.
    func awards(api: String, badge: String, email: String) -> [SimulatedAward] {
        inner.withLock { state in
            (state.index[AwardKey(api: api, badge: badge, email: email)] ?? []).map { state.awards[$0] }
        }
    }

    func awards(where matching: (SimulatedAward) -> Bool) -> [SimulatedAward] {
        inner.withLock { $0.awards.filter(matching) }
    }

    /// The award `api` handed out as `id`, if any.
    func award(api: String, id: String) -> SimulatedAward? {
        inner.withLock { $0.awards.first { $0.api == api && $0.id == id } }
    }

    /// Sets the status of the award with `id`, or of every award to `email` (compared without regard
    /// to case), as at the simulated time `now`; returns how many changed.
    func mark(_ status: SimulatedAward.Status, id: String?, email: String?, at now: Double) -> Int {
        inner.withLock { state in
            var changed = 0
            for index in state.awards.indices {
                let award = state.awards[index]
                guard id.map({ $0 == award.id }) ?? true,
                      email.map({ $0.lowercased() == award.email.lowercased() }) ?? true else { continue }
                state.awards[index].status = status
                state.awards[index].statusChangedAt = now
                changed += 1
            }
            return changed
        }
    }

    private static func append(_ make: (String) -> SimulatedAward, to state: inout Inner) -> SimulatedAward {
        append(numbered: { make(String(format: "E%06d", $0)) }, to: &state)
    }

    private static func append(numbered make: (Int) -> SimulatedAward, to state: inout Inner) -> SimulatedAward {
        let award = make(state.nextID)
        state.nextID += 1
        state.index[AwardKey(api: award.api, badge: award.badge, email: award.email), default: []].append(state.awards.count)
        state.awards.append(award)
        return award
    }

    func log(_ request: SimulatedRequest) {
        inner.withLock { $0.requests.append(request) }
    }

    /// Seconds since start for a monotonic time.
    func seconds(at time: UInt64) -> Double {
        Double(time > started ? time - started : 0) / 1e9
    }
}
