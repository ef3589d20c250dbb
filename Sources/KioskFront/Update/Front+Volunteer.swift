import KioskCore
import TerminalUI

extension Front {
    /// Keys on the PIN screen: digits, Enter to open, Esc back to the first screen. A hashed PIN is
    /// checked by an effect, since a check takes longer than a key press may; a plain one here.
    static func pinKey(_ model: inout FrontModel, _ entry: inout PinEntry, _ key: Key) -> [FrontEffect] {
        if key == .escape {
            reset(&model)
            return []
        }
        guard model.settings.hasPIN, !entry.checking, !model.pinGuard.isPaused(at: model.now) else { return [] }
        guard key == .enter else {
            if entry.field.handle(key) != .notEditing { entry.message = nil }
            return []
        }
        if let hash = model.settings.pinHash {
            entry.checking = true
            return [.checkPIN(entry.field.text, hash)]
        }
        return pinChecked(&model, &entry, matches: ConstantTime.equal(entry.field.text, model.settings.pin ?? ""))
    }

    /// The answer to a typed PIN: volunteer mode, or one try fewer.
    static func pinChecked(_ model: inout FrontModel, _ entry: inout PinEntry, matches: Bool) -> [FrontEffect] {
        entry.checking = false
        if matches {
            model.pinGuard.clear()
            model.screen = .volunteer(VolunteerState())
            return [.loadSessions]
        }
        model.pinGuard.recordWrong(at: model.now)
        entry.field = TextField(.digits, maxLength: 12)
        entry.message = model.pinGuard.isPaused(at: model.now)
            ? nil : Message("front.pin.wrong", ["left": String(model.pinGuard.triesLeft)])
        return []
    }

    /// Keys in volunteer mode. Esc goes back a page; from the menu it locks.
    static func volunteerKey(_ model: inout FrontModel, _ state: inout VolunteerState, _ key: Key) -> [FrontEffect] {
        if state.busy {
            if key == .escape {
                state.busy = false
                state.page = .menu
            }
            return []
        }
        switch state.page {
        case .menu:
            return menuKey(&model, &state, key)
        case .title:
            if key == .escape { return back(&state, to: .menu) }
            guard key == .enter else { return edit(&state, key) }
            do {
                state.draftTitle = try TextRules.clean(state.field.text, field: "title", label: "the session's title",
                                                       maxLength: SessionDraft.maxTitleLength)
            } catch {
                state.message = Message(error)
                return []
            }
            _ = back(&state, to: .badges)
            return state.catalogue == nil ? [.loadBadges] : []
        case .badges:
            let catalogue = state.catalogue ?? []
            if key == .escape {
                state.field = TextField(.text, maxLength: SessionDraft.maxTitleLength, text: state.draftTitle)
                return back(&state, to: .title)
            }
            if !catalogue.isEmpty, moveSelection(&state.selection, count: catalogue.count, key) { return [] }
            if key == .character(" "), state.selection < catalogue.count {
                let id = catalogue[state.selection].id
                if let index = state.draftBadges.firstIndex(of: id) {
                    state.draftBadges.remove(at: index)
                } else if state.draftBadges.count < SessionDraft.maxBadges {
                    state.draftBadges.append(id)
                }
                state.message = nil
            }
            guard key == .enter else { return [] }
            guard !state.draftBadges.isEmpty else {
                state.message = Message("front.error.badges_missing")
                return []
            }
            state.field = TextField(.digits, maxLength: 4)
            state.page = .expected
            state.message = nil
        case .expected:
            if key == .escape { return back(&state, to: .badges, keepSelection: true) }
            guard key == .enter else { return edit(&state, key) }
            guard let expected = Int(state.field.text), (1...SessionDraft.maxExpected).contains(expected) else {
                state.message = Message("front.error.expected_invalid")
                return []
            }
            state.busy = true
            return [.startSession(title: state.draftTitle, badges: state.draftBadges, expected: expected)]
        case .pickSession(let purpose):
            let sessions = pickable(model.sessions, for: purpose)
            if key == .escape { return back(&state, to: .menu) }
            if !sessions.isEmpty, moveSelection(&state.selection, count: sessions.count, key) { return [] }
            guard key == .enter, state.selection < sessions.count else { return [] }
            let session = sessions[state.selection]
            switch purpose {
            case .end:
                state.busy = true
                return [.endSession(session.id)]
            case .slips:
                state.field = TextField(.digits, maxLength: 3)
                state.page = .slipCount(session)
            case .limit:
                state.field = TextField(.digits, maxLength: 5)
                state.page = .limit(session)
            }
            state.message = nil
        case .slipCount(let session):
            if key == .escape { return back(&state, to: .pickSession(.slips)) }
            guard key == .enter else { return edit(&state, key) }
            guard let count = Int(state.field.text), (1...200).contains(count) else {
                state.message = Message("front.error.count_invalid")
                return []
            }
            state.selection = Front.consoleLanguages.firstIndex(of: model.language) ?? 0
            state.page = .slipLanguage(session, count: count)
            state.message = nil
        case .slipLanguage(let session, let count):
            if key == .escape {
                state.page = .slipCount(session)
                return []
            }
            if moveSelection(&state.selection, count: Front.consoleLanguages.count, key) { return [] }
            guard key == .enter else { return [] }
            state.busy = true
            return [.makeSlips(session: session.id, count: count, title: session.title,
                               language: Front.consoleLanguages[state.selection])]
        case .limit(let session):
            if key == .escape { return back(&state, to: .pickSession(.limit)) }
            guard key == .enter else { return edit(&state, key) }
            let least = max(1, session.code?.claimed ?? 0)
            guard let count = Int(state.field.text), (least...CodePolicy.largestClaimLimit).contains(count) else {
                state.message = Message("front.limit.invalid", ["least": String(least), "most": String(CodePolicy.largestClaimLimit)])
                return []
            }
            state.busy = true
            return [.setLimit(session: session.id, maxClaims: count)]
        case .outbox(let info):
            let unsure = info?.unsure ?? []
            if key == .escape || (key == .enter && unsure.isEmpty) { return back(&state, to: .menu) }
            if !unsure.isEmpty, moveSelection(&state.selection, count: unsure.count, key) { return [] }
            guard key == .enter, state.selection < unsure.count else { return [] }
            return back(&state, to: .unsureCheck(unsure[state.selection]))
        case .unsureCheck(let award):
            if key == .escape {
                _ = back(&state, to: .outbox(nil))
                return [.loadOutbox]
            }
            if moveSelection(&state.selection, count: 2, key) { return [] }
            guard key == .enter else { return [] }
            state.busy = true
            state.message = nil
            return [.settleUnsure(award.id, state.selection == 0 ? .arrived : .resend)]
        case .slips(let batch):
            if key == .enter || key == .escape { return back(&state, to: .menu) }
            guard key == .character("p") || key == .character("P"), let sheet = batch.savedTo else { return [] }
            state.busy = true
            state.message = nil
            return [.printSlips(path: sheet)]
        case .sync:
            if key == .enter || key == .escape { return back(&state, to: .menu) }
        case .waiting, .waitingEmail:
            return waitingKey(&model, &state, key)
        case .reports(let page):
            return reportKey(&state, page, key)
        case .confirmQuit:
            if key == .escape { return back(&state, to: .menu) }
            if moveSelection(&state.selection, count: 2, key) { return [] }
            guard key == .enter else { return [] }
            if state.selection == 0 { return [.quit] }
            _ = back(&state, to: .menu)
        }
        return []
    }

    private static func menuKey(_ model: inout FrontModel, _ state: inout VolunteerState, _ key: Key) -> [FrontEffect] {
        let actions = VolunteerState.actions(allowQuit: model.settings.allowQuit)
        if key == .escape {
            reset(&model)
            return []
        }
        if moveSelection(&state.selection, count: actions.count, key) { return [] }
        var chosen: VolunteerState.Action?
        if key == .enter { chosen = actions[state.selection] }
        if case .character(let character) = key, let number = character.wholeNumberValue, (1...actions.count).contains(number) {
            chosen = actions[number - 1]
            state.selection = number - 1
        }
        guard let chosen else { return [] }
        state.message = nil
        switch chosen {
        case .start:
            state.field = TextField(.text, maxLength: SessionDraft.maxTitleLength)
            state.draftBadges = []
            _ = back(&state, to: .title)
        case .end:
            _ = back(&state, to: .pickSession(.end))
            return [.loadSessions]
        case .slips:
            _ = back(&state, to: .pickSession(.slips))
            return [.loadSessions]
        case .limit:
            _ = back(&state, to: .pickSession(.limit))
            return [.loadSessions]
        case .outbox:
            _ = back(&state, to: .outbox(nil))
            return [.loadOutbox]
        case .waiting:
            _ = back(&state, to: .waiting(nil))
            return [.loadWaiting]
        case .sync:
            _ = back(&state, to: .sync(count: nil))
            state.busy = true
            return [.syncBadges]
        case .reports:
            _ = back(&state, to: .reports(ReportPage()))
            return [.loadReport(.sessionsThisMonth)]
        case .lock:
            reset(&model)
        case .quit:
            _ = back(&state, to: .confirmQuit)
            state.selection = 1
        }
        return []
    }

    /// Goes to `page` with the first entry highlighted and no message.
    static func back(_ state: inout VolunteerState, to page: VolunteerState.Page,
                             keepSelection: Bool = false) -> [FrontEffect] {
        state.page = page
        if !keepSelection { state.selection = 0 }
        state.message = nil
        return []
    }

    static func edit(_ state: inout VolunteerState, _ key: Key) -> [FrontEffect] {
        if state.field.handle(key) != .notEditing { state.message = nil }
        return []
    }

    /// The sessions a volunteer can pick, newest first: running ones to end, any for slips, ended
    /// ones (which have a code) to let more people use the code.
    static func pickable(_ sessions: [SessionInfo], for purpose: VolunteerState.Purpose) -> [SessionInfo] {
        let sorted = sessions.sorted { $0.id > $1.id }
        switch purpose {
        case .end: return sorted.filter(\.isOpen)
        case .slips: return sorted
        case .limit: return sorted.filter { $0.code != nil }
        }
    }
}
