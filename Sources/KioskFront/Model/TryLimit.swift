/// Wrong tries so far, and the pause that follows too many: for the volunteer PIN and for claim codes.
///
/// The service does not count the front's wrong codes against the kiosk's address (one learner
/// must never lock it for everyone), so the front slows guessing itself, per learner: the next
/// learner, who starts from the first screen, starts with a clean slate (`Front.reset`).
struct TryLimit: Equatable, Sendable {
    /// Wrong tries that start the pause.
    let maxWrong: Int
    let pauseSeconds: Double
    var wrong = 0
    /// Monotonic time the pause ends; nil when not paused.
    var pausedUntil: Double?

    /// Five wrong PINs lock volunteer mode for five minutes.
    static let pin = TryLimit(maxWrong: 5, pauseSeconds: 300)
    /// Three wrong codes pause the learner for 30 seconds.
    static let code = TryLimit(maxWrong: 3, pauseSeconds: 30)

    func isPaused(at now: Double) -> Bool {
        pausedUntil.map { now < $0 } ?? false
    }

    /// Tries left before the pause.
    var triesLeft: Int { maxWrong - wrong }

    /// One more wrong try starts the pause.
    var isLastTry: Bool { triesLeft == 1 }

    /// Counts a wrong try; the `maxWrong`th starts the pause and the count again from zero.
    mutating func recordWrong(at now: Double) {
        wrong += 1
        if wrong >= maxWrong {
            wrong = 0
            pausedUntil = now + pauseSeconds
        }
    }

    /// Forgets wrong tries and any pause (the right PIN, or the next learner).
    mutating func clear() {
        wrong = 0
        pausedUntil = nil
    }

    /// Ends a pause that is over, so the screen stops counting down.
    mutating func expire(at now: Double) {
        if let until = pausedUntil, now >= until { pausedUntil = nil }
    }
}
