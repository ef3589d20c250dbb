import Localization
import TerminalUI

/// The front's behaviour as pure functions: an event and the model in, the new model and the
/// work to do out. No I/O, no clocks: the runtime passes the time in.
enum Front {
    /// Idle seconds before "Do you need more time?" on a learner's screen.
    static let learnerIdleSeconds = 60.0
    /// Idle seconds before the same prompt in volunteer mode (volunteers pause to think or talk).
    static let volunteerIdleSeconds = 180.0
    /// How long "Do you need more time?" waits before starting again.
    static let moreTimeSeconds = 20.0
    /// How long the last screen of a claim stays before the first screen comes back.
    static let finishedSeconds = 30.0
    /// How long after it ends a session is offered on the first screen.
    static let recentSeconds = 3600.0
    /// The languages the console can draw: the first screen's choice, and the words on printed slips
    /// (Arabic is spoken and on the phone page, but its joined letters need shaping the slips do not do).
    static let consoleLanguages = Language.allCases.filter(\.consoleSafe)

    /// The first screen's choice: the console's languages, and Arabic, spoken, where the kiosk can speak.
    static func attractLanguages(_ model: FrontModel) -> [Language] {
        model.settings.canSpeak ? Language.allCases : consoleLanguages
    }

    static func update(_ model: FrontModel, _ event: FrontEvent, now: Double) -> (FrontModel, [FrontEffect]) {
        let before = model
        var model = model
        model.now = now
        var effects: [FrontEffect]
        switch event {
        case .key(let key):
            model.lastInput = now
            effects = handleKey(&model, key)
        case .tick:
            handleTick(&model)
            effects = []
        case .reply(let reply):
            effects = handleReply(&model, reply)
        case .stream(let status):
            effects = handleStream(&model, status)
        }
        return (model, effects + speech(before: before, after: model, event: event))
    }

    /// What to say after an event: the screen on F1; with `speakScreens`, a screen that opened (or,
    /// when only the highlighted choice moved, that choice); and always the inactivity warning, after a
    /// bell (the bell alone where the kiosk cannot speak). Leaving the learner's screens stops speech mid-sentence.
    static func speech(before: FrontModel, after: FrontModel, event: FrontEvent) -> [FrontEffect] {
        let warning = after.screen.isLearnerWarning && !before.screen.isLearnerWarning
        guard after.settings.canSpeak else { return warning ? [.bell] : [] }
        let old = FrontSpeech.utterance(before), new = FrontSpeech.utterance(after)
        guard let new else { return old == nil ? [] : [.hush] }
        if after.screen.isLearnerWarning {
            return warning ? [.bell, .speak(new.whole, new.language)] : []
        }
        if event == .key(.function(1)) { return [.speak(new.whole, new.language)] }
        guard after.settings.speakScreens, old != new else { return [] }
        if let old, old.screen == new.screen, old.language == new.language {
            return new.focus.map { [.speak($0, new.language)] } ?? []
        }
        return [.speak(new.whole, new.language)]
    }

    /// Back to the first screen in the default language, keeping nothing a learner typed: the next
    /// learner starts with no wrong codes counted against them.
    static func reset(_ model: inout FrontModel) {
        model.screen = .attract
        model.language = model.settings.language
        model.codeTries.clear()
    }

    private static func handleKey(_ model: inout FrontModel, _ key: Key) -> [FrontEffect] {
        // F1 reads the screen out (see `speech`) and changes nothing, not even a typed field.
        if key == .function(1) { return [] }
        if key == .function(2) {
            openVolunteerMode(&model)
            return []
        }
        if case .moreTime(let resume, _) = model.screen {
            model.screen = resume
            return []
        }
        switch model.screen {
        case .attract:
            guard model.service == .up else { return [] }
            attractKey(&model, key)
            return []
        case .learner(var flow):
            guard model.service != .down else { return [] }
            let effects = learnerKey(&model, &flow, key)
            if case .learner = model.screen { model.screen = .learner(flow) }
            return effects
        case .pin(var entry):
            let effects = pinKey(&model, &entry, key)
            if case .pin = model.screen { model.screen = .pin(entry) }
            return effects
        case .volunteer(var state):
            let effects = volunteerKey(&model, &state, key)
            if case .volunteer = model.screen { model.screen = .volunteer(state) }
            return effects
        case .sessionQR:
            if key == .enter, model.service == .up {
                model.screen = .learner(LearnerFlow(session: model.recent))
            } else if key == .escape {
                reset(&model)
            }
            return []
        case .moreTime:
            return []
        }
    }

    private static func attractKey(_ model: inout FrontModel, _ key: Key) {
        let languages = attractLanguages(model)
        let index = languages.firstIndex(of: model.language) ?? 0
        switch key {
        case .enter:
            model.screen = .learner(LearnerFlow(session: model.recent))
        case .right, .tab, .down:
            model.language = languages[(index + 1) % languages.count]
        case .left, .backTab, .up:
            model.language = languages[(index + languages.count - 1) % languages.count]
        default:
            break
        }
    }

    /// F2: the PIN screen, or the menu if volunteer mode is already open.
    private static func openVolunteerMode(_ model: inout FrontModel) {
        switch model.screen {
        case .volunteer(var state):
            state.page = .menu
            state.busy = false
            model.screen = .volunteer(state)
        case .moreTime(.volunteer(var state), _):
            state.page = .menu
            model.screen = .volunteer(state)
        default:
            model.language = model.settings.language
            model.screen = .pin(PinEntry())
        }
    }

    private static func handleStream(_ model: inout FrontModel, _ status: StreamStatus) -> [FrontEffect] {
        switch status {
        case .connected:
            model.service = .up
            return [.loadSessions]
        case .disconnected:
            model.service = .down
            return []
        case .changed(let kind):
            if kind == .outbox, case .volunteer(let state) = model.screen, case .outbox = state.page {
                return [.loadSessions, .loadOutbox]
            }
            return [.loadSessions]
        }
    }
}
