extension Front {
    /// The next moment something changes without a key: a prompt, a countdown second, an expiry.
    /// Nil when nothing is due, so the runtime can sleep until the next key or event.
    static func nextDeadline(_ model: FrontModel) -> Double? {
        var deadlines: [Double] = []
        if let recent = model.recent { deadlines.append(recent.visibleUntil) }
        deadlines += model.celebrations.map(\.visibleUntil)
        if let locked = model.pinGuard.pausedUntil {
            deadlines.append(locked)
            if case .pin = model.screen { deadlines.append(nextSecond(counting: locked, now: model.now)) }
        }
        switch model.screen {
        case .moreTime(_, let until):
            deadlines += [until, nextSecond(counting: until, now: model.now)]
        case .learner(let flow):
            switch flow.step {
            case .sending: break
            case .done, .declined, .failed: deadlines.append(model.lastInput + finishedSeconds)
            default: deadlines.append(model.lastInput + learnerIdleSeconds)
            }
            if flow.step == .code, let paused = model.codeTries.pausedUntil, paused > model.now {
                deadlines.append(nextSecond(counting: paused, now: model.now))
            }
        case .pin, .volunteer:
            deadlines.append(model.lastInput + volunteerIdleSeconds)
        case .attract, .sessionQR:
            break
        }
        return deadlines.min()
    }

    /// When the whole seconds left before `until` next drop by one (for countdowns).
    static func nextSecond(counting until: Double, now: Double) -> Double {
        let left = until - now
        guard left > 0 else { return until }
        return until - (left.rounded(.up) - 1)
    }

    /// Whole seconds left before `until`, as a countdown shows them.
    static func secondsLeft(until: Double, now: Double) -> Int {
        max(0, Int((until - now).rounded(.up)))
    }

    static func handleTick(_ model: inout FrontModel) {
        let now = model.now
        if let recent = model.recent, now >= recent.visibleUntil {
            model.recent = nil
            if model.screen == .sessionQR(recent.id) { reset(&model) }
        }
        model.celebrations.removeAll { now >= $0.visibleUntil }
        model.pinGuard.expire(at: now)
        model.codeTries.expire(at: now)
        switch model.screen {
        case .moreTime(_, let until):
            if now >= until { reset(&model) }
        case .learner(let flow):
            switch flow.step {
            case .sending: break
            case .done, .declined, .failed:
                if now >= model.lastInput + finishedSeconds { reset(&model) }
            default:
                if now >= model.lastInput + learnerIdleSeconds { askForMoreTime(&model) }
            }
        case .pin, .volunteer:
            if now >= model.lastInput + volunteerIdleSeconds { askForMoreTime(&model) }
        case .attract, .sessionQR:
            break
        }
    }

    private static func askForMoreTime(_ model: inout FrontModel) {
        model.screen = .moreTime(resume: model.screen, until: model.now + moreTimeSeconds)
    }
}
