extension Front {
    static func handleReply(_ model: inout FrontModel, _ reply: ServiceReply) -> [FrontEffect] {
        if let failure = reply.failure, failure.isUnreachable { model.service = .down }
        switch reply {
        case .sessions(.success(let snapshot)):
            model.service = model.service == .connecting ? .up : model.service
            sessionsLoaded(&model, snapshot)
        case .sessions(.failure(let failure)) where failure.code == ServiceFailure.malformedReply:
            // Not a passing outage but a service the front cannot read: a volunteer must hear of it.
            volunteer(&model) { $0.message = Message(failure) }
        case .sessions(.failure):
            break
        case .codeChecked(let code, let result):
            codeChecked(&model, code: code, result)
        case .claimed(let result):
            return claimAnswered(&model, result)
        case .badges(let result):
            completionsNamed(&model, result)
            volunteer(&model) { state in
                switch result {
                case .success(let badges): state.catalogue = badges
                case .failure(let failure):
                    state.catalogue = []
                    state.message = Message(failure)
                }
            }
        case .sessionStarted(let result):
            volunteer(&model) { state in
                state.busy = false
                switch result {
                case .success:
                    state.page = .menu
                    state.selection = 0
                    state.message = .news("front.start.done", ["title": state.draftTitle])
                case .failure(let failure):
                    state.message = Message(failure)
                }
            }
            return [.loadSessions]
        case .sessionEnded(let id, let result):
            return sessionEnded(&model, id: id, result)
        case .slips(let result):
            volunteer(&model) { state in
                state.busy = false
                switch result {
                case .success(let batch): state.page = .slips(batch)
                case .failure(let failure): state.message = Message(failure)
                }
            }
        case .printed(let outcome):
            volunteer(&model) { state in
                guard case .slips = state.page else { return }
                state.busy = false
                state.message = switch outcome {
                case .sent(let job): .news("front.slips.printed", ["job": job])
                case .noPrinting: Message("front.slips.noPrinting")
                case .refused(let reason): Message("front.slips.printFailed", ["reason": reason])
                }
            }
        case .laterPrinted(let outcome):
            guard case .learner(var flow) = model.screen, flow.step == .done, flow.later != nil else { return [] }
            if case .sent = outcome { flow.message = .news("front.done.printed") } else { flow.message = Message("front.done.printFailed") }
            model.screen = .learner(flow)
        case .limitSet(let result):
            return limitSet(&model, result)
        case .outbox(let result):
            volunteer(&model) { state in
                guard case .outbox = state.page else { return }
                switch result {
                case .success(let info):
                    state.page = .outbox(info)
                    state.selection = min(state.selection, max(0, info.unsure.count - 1))
                case .failure(let failure): state.message = Message(failure)
                }
            }
        case .settled(let choice, let result):
            return unsureSettled(&model, choice, result)
        case .waiting(let result):
            waitingLoaded(&model, result)
        case .report(let view, let result):
            reportLoaded(&model, view, result)
        case .laterEmailAdded(let waiting, let email, let result):
            return laterEmailAdded(&model, waiting, email: email, result)
        case .celebrated(let failure):
            guard case .learner(var flow) = model.screen, flow.step == .done, flow.celebrate == .sending else { return [] }
            flow.celebrate = failure == nil ? .shown : .failed
            model.screen = .learner(flow)
        case .pinChecked(let matches):
            // Esc while checking left the PIN screen: the answer is for nobody now.
            guard case .pin(var entry) = model.screen, entry.checking else { return [] }
            let effects = pinChecked(&model, &entry, matches: matches)
            if case .pin = model.screen { model.screen = .pin(entry) }
            return effects
        case .synced(let result):
            volunteer(&model) { state in
                guard case .sync = state.page else { return }
                state.busy = false
                switch result {
                case .success(let count?): state.page = .sync(count: count)
                case .success(nil): state.message = Message("front.sync.unavailable")
                case .failure(let failure): state.message = Message(failure)
                }
            }
        }
        return []
    }

    /// The service settled an unsure award (or refused to): back to the outbox, fresh, with thanks.
    private static func unsureSettled(_ model: inout FrontModel, _ choice: UnsureChoice,
                                      _ result: Result<Int64, ServiceFailure>) -> [FrontEffect] {
        guard case .volunteer(var state) = model.screen, case .unsureCheck = state.page, state.busy else { return [] }
        state.busy = false
        var effects: [FrontEffect] = []
        switch result {
        case .success:
            state.page = .outbox(nil)
            state.selection = 0
            state.message = .news(choice == .arrived ? "front.unsure.arrived" : "front.unsure.resent")
            effects = [.loadOutbox]
        case .failure(let failure):
            state.message = Message(failure)
        }
        model.screen = .volunteer(state)
        return effects
    }

    /// A session's code takes a new number of learners: back to the menu, saying how many now.
    private static func limitSet(_ model: inout FrontModel, _ result: Result<CodeInfo, ServiceFailure>) -> [FrontEffect] {
        guard case .volunteer(var state) = model.screen, case .limit(let session) = state.page, state.busy else { return [] }
        state.busy = false
        var effects: [FrontEffect] = []
        switch result {
        case .success(let code):
            state.page = .menu
            state.selection = 0
            state.message = .news("front.limit.done", ["count": String(code.maxClaims), "title": session.title])
            effects = [.loadSessions]
        case .failure(let failure):
            state.message = Message(failure)
        }
        model.screen = .volunteer(state)
        return effects
    }

    /// Runs `change` on the volunteer state, if volunteer mode is still open.
    static func volunteer(_ model: inout FrontModel, _ change: (inout VolunteerState) -> Void) {
        guard case .volunteer(var state) = model.screen else { return }
        change(&state)
        model.screen = .volunteer(state)
    }

    /// New session numbers: today's count, and the session that just ended here (if within the hour).
    static func sessionsLoaded(_ model: inout FrontModel, _ snapshot: SessionsSnapshot) {
        model.sessions = snapshot.sessions
        model.todayClaims = snapshot.todayClaims
        model.celebrations = snapshot.celebrations.map {
            Celebration(name: $0.name, sessionTitle: $0.sessionTitle, visibleUntil: model.now + $0.secondsLeft)
        }
        let latest = snapshot.sessions
            .filter { ($0.endedSecondsAgo ?? .infinity) < recentSeconds && $0.code != nil }
            .min { $0.endedSecondsAgo! < $1.endedSecondsAgo! }
        guard let latest, let code = latest.code, let ago = latest.endedSecondsAgo else {
            model.recent = nil
            return
        }
        model.recent = RecentSession(id: latest.id, title: latest.title, code: code, claimed: latest.claimed,
                                     expected: latest.expected, visibleUntil: model.now + recentSeconds - ago)
    }

    /// A volunteer ended a session: its QR code goes full screen and volunteer mode closes.
    private static func sessionEnded(_ model: inout FrontModel, id: Int64,
                                     _ result: Result<CodeInfo, ServiceFailure>) -> [FrontEffect] {
        guard case .volunteer(var state) = model.screen else { return [] }
        state.busy = false
        switch result {
        case .success(let code):
            let session = model.sessions.first { $0.id == id }
            model.recent = RecentSession(id: id, title: session?.title ?? "", code: code, claimed: 0,
                                         expected: session?.expected ?? 0, visibleUntil: model.now + recentSeconds)
            model.screen = .sessionQR(id)
            model.language = model.settings.language
            return [.loadSessions]
        case .failure(let failure):
            state.message = Message(failure)
            model.screen = .volunteer(state)
            return []
        }
    }
}

extension ServiceReply {
    /// The failure this reply carries, if any.
    var failure: ServiceFailure? {
        switch self {
        case .sessions(.failure(let failure)), .codeChecked(_, .failure(let failure)), .claimed(.failure(let failure)),
             .badges(.failure(let failure)), .sessionStarted(.failure(let failure)), .sessionEnded(_, .failure(let failure)),
             .slips(.failure(let failure)), .outbox(.failure(let failure)), .synced(.failure(let failure)),
             .limitSet(.failure(let failure)), .waiting(.failure(let failure)), .laterEmailAdded(_, _, .failure(let failure)),
             .settled(_, .failure(let failure)), .celebrated(let failure?):
            failure
        default:
            nil
        }
    }
}
