import TerminalUI

extension FrontView {
    /// The PIN screen: digits shown as stars, wrong tries counted, a lock-out countdown.
    static func pin(_ model: FrontModel, _ entry: PinEntry, into buffer: inout CellBuffer) {
        let area = contentArea(buffer)
        bar(&buffer, row: 0, left: model.text("front.pin.title"))
        keys(&buffer, [model.text("front.pin.keys")])
        var blocks: [Block]
        if !model.settings.hasPIN {
            blocks = [.problem(model.text("front.pin.unset"), in: area)]
        } else if let locked = model.pinGuard.pausedUntil, model.pinGuard.isPaused(at: model.now) {
            let seconds = Front.secondsLeft(until: locked, now: model.now)
            let time = "\(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + String(seconds % 60)
            blocks = [.problem(model.text("front.pin.locked", ["time": time]), in: area)]
        } else {
            blocks = [.text(model.text("front.pin.question"), in: area, style: .bold), .gap(),
                      .field(entry.field, in: area, width: 20, masked: true)]
            blocks += message(model, entry.message, in: area)
        }
        buffer.stack(blocks, top: 1, bottom: buffer.height - 1)
    }

    /// Volunteer mode: the menu, and each task one question at a time like the learner's steps.
    static func volunteer(_ model: FrontModel, _ state: VolunteerState, into buffer: inout CellBuffer) {
        let area = contentArea(buffer)
        bar(&buffer, row: 0, left: model.text("front.menu.title"),
            right: model.service == .down ? model.text("front.menu.offline") : "")
        let next = model.text("front.keys.next"), back = model.text("front.keys.back")
        var blocks: [Block]
        switch state.page {
        case .menu:
            let actions = VolunteerState.actions(allowQuit: model.settings.allowQuit)
            let labels = actions.enumerated().map { "\($0.offset + 1). " + model.text(menuKey($0.element)) }
            blocks = [.choices(labels, selected: state.selection, in: area)]
            keys(&buffer, [model.text("front.menu.keys")])
        case .title:
            blocks = [.text(model.text("front.start.titleQuestion"), in: area, style: .bold), .gap(),
                      .text(model.text("front.start.titleHelp"), in: area), .gap(), .field(state.field, in: area, width: area.width)]
            keys(&buffer, [next, back])
        case .badges:
            blocks = [.text(model.text("front.start.badgesQuestion"), in: area, style: .bold), .gap()]
            switch state.catalogue {
            case nil: blocks.append(.text(model.text("front.start.loading"), in: area))
            case let catalogue? where catalogue.isEmpty: blocks.append(.problem(model.text("front.start.badgesNone"), in: area))
            case let catalogue?:
                let labels = catalogue.map { (state.draftBadges.contains($0.id) ? "[x] " : "[ ] ") + $0.name }
                blocks.append(list(labels, selected: state.selection, in: area, rows: buffer.height - 10))
            }
            keys(&buffer, [model.text("front.start.badgesKeys")])
        case .expected:
            blocks = [.text(model.text("front.start.expectedQuestion"), in: area, style: .bold), .gap(),
                      .field(state.field, in: area, width: 12)]
            keys(&buffer, [next, back])
        case .pickSession(let purpose):
            let sessions = Front.pickable(model.sessions, for: purpose)
            let words = switch purpose {
            case .end: (question: "front.end.question", none: "front.end.none")
            case .slips: (question: "front.slips.question", none: "front.slips.none")
            case .limit: (question: "front.limit.question", none: "front.limit.none")
            }
            blocks = [.text(model.text(words.question), in: area, style: .bold), .gap()]
            if sessions.isEmpty {
                blocks.append(.problem(model.text(words.none), in: area))
            } else {
                let labels = sessions.map { "\($0.title)  (" + sessionCount(model, $0, purpose) + ")" }
                blocks.append(list(labels, selected: state.selection, in: area, rows: buffer.height - 8))
            }
            keys(&buffer, [model.text("front.keys.choose"), next, back])
        case .slipCount(let session):
            blocks = [.text(session.title, in: area), .gap(), .text(model.text("front.slips.count"), in: area, style: .bold), .gap(),
                      .field(state.field, in: area, width: 10)]
            keys(&buffer, [next, back])
        case .slipLanguage(let session, let count):
            blocks = [.text(session.title, in: area), .gap(),
                      .text(model.text("front.slips.language", ["count": String(count)]), in: area, style: .bold), .gap(),
                      .choices(Front.consoleLanguages.map(\.nativeName), selected: state.selection, in: area)]
            keys(&buffer, [model.text("front.keys.choose"), next, back])
        case .limit(let session):
            let places = ["claimed": String(session.code?.claimed ?? 0), "max": String(session.code?.maxClaims ?? 0)]
            blocks = [.text(session.title, in: area), .gap(), .text(model.text("front.limit.now", places), in: area), .gap(),
                      .text(model.text("front.limit.count"), in: area, style: .bold), .gap(), .field(state.field, in: area, width: 10)]
            keys(&buffer, [next, back])
        case .slips(let batch):
            blocks = slips(model, batch, in: area, rows: buffer.height - 10)
            keys(&buffer, (batch.savedTo == nil ? [] : [model.text("front.keys.print")]) + [model.text("front.keys.back.menu")])
        case .outbox(let info):
            blocks = [.text(model.text("front.menu.outbox"), in: area, style: .bold), .gap()]
            guard let info else {
                blocks.append(.text(model.text("front.start.loading"), in: area))
                keys(&buffer, [model.text("front.keys.back.menu")])
                break
            }
            let summary = outbox(model, info, in: area)
            blocks.append(summary)
            if info.unsure.isEmpty {
                keys(&buffer, [model.text("front.keys.back.menu")])
            } else {
                let labels = info.unsure.map { "\($0.badgeName) - \($0.email)" }
                blocks += [.gap(), list(labels, selected: state.selection, in: area, rows: buffer.height - 8 - summary.height)]
                keys(&buffer, [model.text("front.outbox.unsureKeys")])
            }
        case .unsureCheck(let award):
            let names = ["issuer": model.settings.issuerName, "badge": award.badgeName, "email": award.email]
            blocks = [.text(model.text("front.unsure.title", names), in: area, style: .bold), .gap(),
                      .text(model.text("front.unsure.badge", names), in: area), .gap(),
                      .text(model.text("front.unsure.help", names), in: area), .gap(),
                      .text(model.text("front.unsure.question", names), in: area, style: .bold), .gap(),
                      .choices([model.text("front.unsure.yes"), model.text("front.unsure.no")], selected: state.selection, in: area)]
            keys(&buffer, [model.text("front.keys.choose"), next, back])
        case .sync(let count):
            let line = count.map { model.text("front.sync.done", ["count": String($0)]) } ?? model.text("front.sync.working")
            blocks = [.text(line, in: area, style: .bold)]
            keys(&buffer, [model.text("front.keys.back.menu")])
        case .waiting(let claims):
            blocks = waiting(model, claims, selected: state.selection, in: area, rows: buffer.height - 8)
            keys(&buffer, claims?.isEmpty == false ? [model.text("front.keys.choose"), next, back] : [model.text("front.keys.back.menu")])
        case .waitingEmail(let claim):
            blocks = [.text(model.text("front.waiting.email", ["name": claim.name]), in: area, style: .bold), .gap(),
                      .text(claim.sessionTitle, in: area), .gap(), .field(state.field, in: area, width: area.width)]
            keys(&buffer, [next, back])
        case .reports(let page):
            blocks = reports(model, page, in: area, height: buffer.height)
            keys(&buffer, reportKeys(model, page))
        case .confirmQuit:
            blocks = [.text(model.text("front.quit.question"), in: area, style: .bold), .gap(),
                      .choices([model.text("front.quit.yes"), model.text("front.quit.no")], selected: state.selection, in: area)]
            keys(&buffer, [model.text("front.keys.choose"), next, back])
        }
        if state.busy, state.page != .sync(count: nil) { blocks += [.gap(), .text(model.text("front.working"), in: area)] }
        blocks += message(model, state.message, in: area)
        buffer.stack(blocks, top: 1, bottom: buffer.height - 1)
    }

    private static func menuKey(_ action: VolunteerState.Action) -> String {
        switch action {
        case .start: "front.menu.start"
        case .end: "front.menu.end"
        case .slips: "front.menu.slips"
        case .limit: "front.menu.limit"
        case .outbox: "front.menu.outbox"
        case .waiting: "front.menu.waiting"
        case .sync: "front.menu.sync"
        case .lock: "front.menu.lock"
        case .quit: "front.menu.quit"
        case .reports: "front.menu.reports"
        }
    }

    /// How far a session has got: its claims against those expected, or, when picking a code to
    /// let more people use, its code's places used against the places it has.
    private static func sessionCount(_ model: FrontModel, _ session: SessionInfo, _ purpose: VolunteerState.Purpose) -> String {
        if purpose == .limit, let code = session.code {
            return model.text("front.limit.places", ["claimed": String(code.claimed), "max": String(code.maxClaims)])
        }
        return model.text("front.attract.claimed", ["claimed": String(session.claimed), "expected": String(session.expected)])
    }

    /// The claims waiting for an email, one a line: name, session and later code.
    private static func waiting(_ model: FrontModel, _ claims: [WaitingInfo]?, selected: Int, in area: Area, rows: Int) -> [Block] {
        let title = Block.text(model.text("front.waiting.title"), in: area, style: .bold)
        guard let claims else { return [title, .gap(), .text(model.text("front.start.loading"), in: area)] }
        guard !claims.isEmpty else { return [title, .gap(), .text(model.text("front.waiting.none"), in: area)] }
        let labels = claims.map { model.text("front.waiting.item", ["name": $0.name, "session": $0.sessionTitle, "code": $0.code]) }
        return [title, .gap(), list(labels, selected: selected, in: area, rows: rows)]
    }

    /// A list with one line each, scrolled so the highlighted line shows.
    private static func list(_ labels: [String], selected: Int, in area: Area, rows: Int) -> Block {
        let visible = max(1, min(labels.count, rows))
        let first = min(max(0, selected - visible + 1), labels.count - visible)
        return Block(height: visible) { buffer, y in
            for row in 0..<visible {
                let index = first + row
                let chosen = index == selected
                let style = chosen ? Style(bold: true, reverse: true) : Style.plain
                buffer.fill(x: area.x, y: y + row, width: area.width, height: 1, with: Cell(" ", style: style))
                buffer.put((chosen ? "> " : "  ") + String(labels[index].prefix(area.width - 3)), x: area.x, y: y + row, style: style)
            }
        }
    }

    /// The slip codes in columns, and where their sheet was saved.
    private static func slips(_ model: FrontModel, _ batch: SlipBatch, in area: Area, rows: Int) -> [Block] {
        let column = (batch.codes.map(\.short.count).max() ?? 7) + 4
        let perRow = max(1, (area.width + 4) / column)
        let shown = min(batch.codes.count, perRow * max(1, rows))
        let lines = stride(from: 0, to: shown, by: perRow).map { start in
            batch.codes[start..<min(start + perRow, shown)].map(\.short).joined(separator: "    ")
        }
        var blocks: [Block] = [.text(model.text("front.slips.title"), in: area, style: .bold), .gap()]
        blocks += lines.map { Block.text($0, in: area, style: .bold) }
        if shown < batch.codes.count {
            blocks.append(.text(model.text("front.slips.more", ["count": String(batch.codes.count - shown)]), in: area))
        }
        if let sheet = batch.savedTo { blocks += [.gap(), .text(model.text("front.slips.saved", ["file": sheet]), in: area)] }
        if let reason = batch.saveError {
            blocks += [.gap(), .problem(model.text("front.slips.saveFailed", ["reason": reason]), in: area)]
        }
        return blocks
    }

    /// The outbox in plain words: how many wait, whether the internet seems down, what failed, and
    /// how many need a volunteer to check the issuer (never "all sent" while any does).
    private static func outbox(_ model: FrontModel, _ info: OutboxInfo, in area: Area) -> Block {
        let waiting = info.queued + info.sending
        let unsure = max(info.unsureCount, info.unsure.count)
        var lines: [String] = []
        if waiting == 0 && info.failed == 0 && unsure == 0 && info.waitingForEmail == 0 {
            lines.append(model.text("front.outbox.allSent"))
        } else if waiting > 0 {
            let offline = info.lastError.map(Self.looksOffline) ?? false
            let key = offline ? "front.outbox.offline" : "front.outbox.waiting"
            lines.append(model.text(waiting == 1 ? key + "One" : key, ["count": String(waiting)]))
        }
        if info.failed > 0 {
            lines.append(model.text(info.failed == 1 ? "front.outbox.failedOne" : "front.outbox.failed", ["count": String(info.failed)]))
        }
        if unsure > 0 {
            lines.append(model.text(unsure == 1 ? "front.outbox.unsureOne" : "front.outbox.unsure",
                                    ["count": String(unsure), "issuer": model.settings.issuerName]))
        }
        if info.waitingForEmail > 0 {
            lines.append(model.text(info.waitingForEmail == 1 ? "front.outbox.noEmailOne" : "front.outbox.noEmail",
                                    ["count": String(info.waitingForEmail)]))
        }
        lines.append(model.text("front.outbox.sent", ["count": String(info.sent)]))
        if waiting > 0 || info.failed > 0, let error = info.lastError {
            lines.append(model.text("front.outbox.lastProblem", ["error": error]))
        }
        let texts = lines.map { Block.text($0, in: area, style: .bold) }
        return Block(height: texts.reduce(0) { $0 + $1.height + 1 } - 1) { buffer, y in
            var row = y
            for text in texts {
                text.draw(&buffer, row)
                row += text.height + 1
            }
        }
    }

    /// Whether a forwarding error means the network is unreachable rather than the issuer refusing.
    static func looksOffline(_ error: String) -> Bool {
        let lowered = error.lowercased()
        return ["connect", "timed out", "timeout", "network", "resolve", "unreachable", "dns", "reset"]
            .contains { lowered.contains($0) }
    }
}
