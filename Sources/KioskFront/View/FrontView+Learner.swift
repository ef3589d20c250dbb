import TerminalUI

extension FrontView {
    /// A learner's step: "Step N of 4" at the top, one question, the keys that work at the bottom.
    static func learner(_ model: FrontModel, _ flow: LearnerFlow, into buffer: inout CellBuffer) {
        let area = contentArea(buffer)
        if let step = flow.stepNumber {
            bar(&buffer, row: 0, left: model.text("front.step", ["n": String(step)]), right: progress(step))
        }
        let choose = model.text("front.keys.choose"), next = model.text("front.keys.next"), back = model.text("front.keys.back")
        var blocks: [Block]
        switch flow.step {
        case .confirmSession:
            blocks = [
                .text(model.text("front.confirmSession.question"), in: area, style: .bold), .gap(),
                .text(flow.session?.title ?? "", in: area, style: .bold), .gap(2),
                .choices([model.text("front.confirmSession.yes"), model.text("front.confirmSession.no")],
                         selected: flow.selection, in: area),
            ]
            if flow.busy { blocks += [.gap(), .text(model.text("front.code.checking"), in: area)] }
            keys(&buffer, [choose, next, back])
        case .code:
            blocks = code(model, flow, in: area)
            keys(&buffer, [next, back])
        case .name:
            blocks = question(model, "front.name.question", help: "front.name.help", in: area)
                + [.field(flow.name, in: area, width: 50)]
            keys(&buffer, [next, back])
        case .email:
            blocks = question(model, "front.email.question", help: "front.email.help", in: area)
                + [.field(flow.email, in: area, width: area.width)]
            keys(&buffer, [next, back])
        case .confirmEmail:
            blocks = confirmEmail(model, flow, in: area)
            keys(&buffer, [choose, next, back])
        case .consent:
            blocks = [
                .text(model.text("front.consent.question", ["issuer": model.settings.issuerName]), in: area, style: .bold),
                .gap(2),
                .choices([model.text("front.consent.yes"), model.text("front.consent.no")], selected: flow.selection, in: area),
            ]
            keys(&buffer, [choose, next, back])
        case .sending:
            blocks = [.text(model.text("front.sending"), in: area, style: .bold)]
        case .done:
            blocks = celebration(model, flow, in: area)
            keys(&buffer, [model.text("front.keys.finish")])
        case .declined:
            blocks = [
                .text(model.text("front.declined.message"), in: area, style: .bold), .gap(),
                .text(model.text("front.declined.help"), in: area), .gap(2),
                .text(model.text("front.done.finish"), in: area),
            ]
            keys(&buffer, [model.text("front.keys.finish")])
        case .failed(let canRetry):
            blocks = [.text(model.text("front.failed.title"), in: area, style: .bold)]
                + [.gap(), .text(model.text(canRetry ? "front.failed.retry" : "front.failed.startAgain"), in: area)]
            keys(&buffer, canRetry ? [next, model.text("front.keys.close")] : [model.text("front.keys.finish")])
        }
        if flow.step != .done, flow.step != .code { blocks += message(model, flow.message, in: area) }
        buffer.stack(blocks, top: 1, bottom: buffer.height - 1)
    }

    /// The code question. After a wrong code, a warning when one more starts the pause; during the
    /// pause, what happened, what to do and the seconds left, in place of the last message.
    private static func code(_ model: FrontModel, _ flow: LearnerFlow, in area: Area) -> [Block] {
        var blocks = question(model, "front.code.question", help: "front.code.help", in: area)
            + [.field(flow.code, in: area, width: 24)]
        if flow.busy { blocks += [.gap(), .text(model.text("front.code.checking"), in: area)] }
        let tries = model.codeTries
        if let paused = tries.pausedUntil, tries.isPaused(at: model.now) {
            let seconds = Front.secondsLeft(until: paused, now: model.now)
            let values = ["count": String(tries.maxWrong), "seconds": String(seconds)]
            return blocks + [.gap(), .problem(model.text("front.code.paused", values), in: area)]
        }
        blocks += message(model, flow.message, in: area)
        if tries.isLastTry, flow.message != nil { blocks.append(.text(model.text("front.code.lastTry"), in: area)) }
        return blocks
    }

    /// Four marks, filled up to the current step (as text, so it reads without colour).
    private static func progress(_ step: Int) -> String {
        (1...4).map { $0 <= step ? "[#]" : "[ ]" }.joined(separator: " ")
    }

    private static func question(_ model: FrontModel, _ key: String, help: String, in area: Area) -> [Block] {
        [.text(model.text(key), in: area, style: .bold), .gap(), .text(model.text(help), in: area), .gap()]
    }

    /// The email shown back large and letter-spaced, with a fix for a likely typo.
    private static func confirmEmail(_ model: FrontModel, _ flow: LearnerFlow, in area: Area) -> [Block] {
        var blocks: [Block] = [
            .text(model.text("front.confirmEmail.question"), in: area, style: .bold), .gap(),
            boxed(spaced(flow.cleanEmail), in: area),
        ]
        if let suggestion = flow.suggestion {
            blocks += [
                .gap(), .text(model.text("front.confirmEmail.suggest", ["email": suggestion]), in: area, style: .bold), .gap(),
                .choices([model.text("front.confirmEmail.useSuggestion", ["email": suggestion]),
                          model.text("front.confirmEmail.keep", ["email": flow.cleanEmail]),
                          model.text("front.confirmEmail.change")], selected: flow.selection, in: area),
            ]
        } else {
            blocks += [
                .gap(2),
                .choices([model.text("front.confirmEmail.yes"), model.text("front.confirmEmail.change")],
                         selected: flow.selection, in: area),
            ]
        }
        return blocks
    }

    /// Text in a box, bold, so it stands out as the thing to check.
    private static func boxed(_ text: String, in area: Area) -> Block {
        let lines = TextLayout.wrap(text, width: area.width - 4)
        let width = min(area.width, (lines.map(\.count).max() ?? 0) + 4)
        let x = area.x + (area.width - width) / 2
        return Block(height: lines.count + 2) { buffer, y in
            buffer.box(x: x, y: y, width: width, height: lines.count + 2, style: .bold)
            for (index, line) in lines.enumerated() {
                buffer.centre(line, y: y + 1 + index, style: .bold, x: x + 1, width: width - 2)
            }
        }
    }

    /// "Well done!" in block letters between two rows of stars, a line for each programme the claim
    /// finished, then where the badge will come from.
    private static func celebration(_ model: FrontModel, _ flow: LearnerFlow, in area: Area) -> [Block] {
        let stars = Block(height: 1) { buffer, y in
            let pattern: [(Character, Style.Color)] = [("*", .yellow), ("+", .green), ("*", .cyan), ("+", .magenta)]
            for (index, column) in stride(from: area.x, to: area.x + area.width, by: 3).enumerated() {
                let (character, color) = pattern[index % pattern.count]
                buffer[column, y] = Cell(character, style: Style(foreground: color, bold: true))
            }
        }
        var blocks: [Block] = [
            stars, .gap(), .big(model.text("front.done.title"), in: area), .gap(), stars, .gap(),
            .text(model.text("front.done.message", ["name": flow.cleanName]), in: area, style: .bold), .gap(),
        ]
        for badge in flow.completions {
            blocks += [.text(model.text("front.done.programme", ["badge": badge]), in: area, style: .bold), .gap()]
        }
        return blocks + [
            .text(model.text("front.done.email", ["issuer": model.settings.issuerName]), in: area, style: .bold), .gap(),
            .text(model.text("front.done.finish"), in: area),
        ]
    }
}
