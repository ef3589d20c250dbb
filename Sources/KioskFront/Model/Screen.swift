/// Which screen is up, with the state that belongs to it (dropped when the screen goes).
indirect enum Screen: Equatable, Sendable {
    /// The first screen: "Got a badge to collect?", the language choice, a recent session's QR code.
    case attract
    case learner(LearnerFlow)
    /// "Do you need more time?": any key goes back to `resume`; at `until` everything is dropped.
    case moreTime(resume: Screen, until: Double)
    case pin(PinEntry)
    case volunteer(VolunteerState)
    /// A session's QR code, full screen, right after a volunteer ended it.
    case sessionQR(Int64)

    /// A screen a learner reads (not the volunteer's): the service being away shows there as a problem.
    var facesLearner: Bool {
        switch self {
        case .attract, .learner, .sessionQR: true
        default: false
        }
    }

    /// "Do you need more time?" over a learner's screen (a volunteer's own warning is not spoken).
    var isLearnerWarning: Bool {
        if case .moreTime(.learner, _) = self { return true }
        return false
    }
}

/// The volunteer PIN being typed.
struct PinEntry: Equatable, Sendable {
    var field = TextField(.digits, maxLength: 12)
    var message: Message?
    /// A typed PIN is being checked against the hash: keys wait until the answer.
    var checking = false
}
