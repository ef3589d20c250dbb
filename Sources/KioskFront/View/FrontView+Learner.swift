import KioskCore
import TerminalUI

extension FrontView {
    /// A learner's step: "Step N of 4" at the top, one question, the keys that work at the bottom.
    static func learner(_ model: FrontModel, _ flow: LearnerFlow, into buffer: inout CellBuffer) {
        let area = contentArea(buffer)
        if let step = flow.stepNumber {
            bar(&buffer, row: 0, left: model.text("front.step", ["n": String(step)]), right: progress(step))
        }
        let choose = model.text("front.keys.choose"), next = model.text("front.keys.next"), back = model.text("front.keys.back")
        let clear = model.text("front.keys.clear")
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
            learnerKeys(model, &buffer, [choose, next, back])
        case .code:
            blocks = code(model, flow, in: area)
            learnerKeys(model, &buffer, [next, back, clear])
        case .name:
            blocks = question(model, "front.name.question", help: "front.name.help", in: area)
                + [.field(flow.name, in: area, width: 50)]
            learnerKeys(model, &buffer, [next, back, clear])
        case .email:
            blocks = question(model, "front.email.question", help: "front.email.help", in: area)
                + [.field(flow.email, in: area, width: area.width), .gap(),
                   .choices([model.text("front.email.none")], selected: flow.selection == 1 ? 0 : -1, in: area)]
            learnerKeys(model, &buffer, [next, model.text("front.keys.down"), back, clear])
        case .confirmEmail:
            blocks = confirmEmail(model, flow, in: area)
            learnerKeys(model, &buffer, [choose, next, back])
        case .consent:
            // What will be sent, shown back: a learner agrees to something they can see.
            let question = flow.noEmail ? "front.consent.keepQuestion" : "front.consent.question"
            blocks = [
                .text(model.text(question, ["issuer": model.settings.issuerName]), in: area, style: .bold),
                .gap(),
                .text(model.text("front.consent.name", ["name": flow.cleanName]), in: area),
                .text(flow.noEmail ? model.text("front.consent.noEmail")
                                   : model.text("front.consent.email", ["email": flow.cleanEmail]), in: area),
                .gap(),
                .choices([model.text("front.consent.yes"), model.text("front.consent.no")], selected: flow.selection, in: area),
            ]
            learnerKeys(model, &buffer, [choose, next, back])
        case .sending:
            blocks = [.text(model.text("front.sending"), in: area, style: .bold)]
        case .done:
            blocks = celebration(model, flow, in: area)
            let print = flow.later != nil && model.settings.canPrint ? [model.text("front.keys.printCode")] : []
            let celebrate = flow.celebrate?.isOffered == true ? [model.text("front.keys.celebrate")] : []
            learnerKeys(model, &buffer, [model.text("front.keys.finish")] + print + celebrate)
        case .declined:
            blocks = [
                .text(model.text("front.declined.message"), in: area, style: .bold), .gap(),
                .text(model.text("front.declined.help"), in: area), .gap(2),
                .choices([model.text("front.declined.back"), model.text("front.declined.finish")],
                         selected: flow.selection, in: area),
            ]
            learnerKeys(model, &buffer, [choose, next, back])
        case .failed(let canRetry):
            blocks = [.text(model.text("front.failed.title"), in: area, style: .bold)]
                + [.gap(), .text(model.text(canRetry ? "front.failed.retry" : "front.failed.startAgain"), in: area)]
            learnerKeys(model, &buffer, canRetry ? [next, model.text("front.keys.close")] : [model.text("front.keys.finish")])
        }
        if flow.step != .done || flow.later != nil, flow.step != .code { blocks += message(model, flow.message, in: area) }
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

    /// The email shown back large and letter-spaced, with a fix for a likely typo, what it changes marked.
    private static func confirmEmail(_ model: FrontModel, _ flow: LearnerFlow, in area: Area) -> [Block] {
        var blocks: [Block] = [
            .text(model.text("front.confirmEmail.question"), in: area, style: .bold), .gap(),
            emailBox(flow.cleanEmail, in: area),
        ]
        if let suggestion = flow.suggestion {
            blocks += [
                .gap(), .text(model.text("front.confirmEmail.suggest", ["email": suggestion.address]), in: area, style: .bold),
                emailBox(suggestion.address, marking: suggestion, in: area), .gap(),
                .choices([model.text("front.confirmEmail.useSuggestion", ["email": suggestion.address]),
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

    /// An address letter-spaced in a bold box, wrapped after its `@` and dots (never inside a word,
    /// where a slip may be, unless one part is wider than the screen); a suggestion's change in reverse.
    static func emailBox(_ address: String, marking suggestion: EmailSuggestion.Suggestion? = nil, in area: Area) -> Block {
        let changed = suggestion.map { $0.before.count..<($0.before.count + $0.changed.count) } ?? 0..<0
        let lines = emailLines(Array(address), perLine: max(1, (area.width - 3) / 2))
        let width = min(area.width, (lines.map(\.count).max() ?? 0) * 2 + 3)
        let x = area.x + (area.width - width) / 2
        return Block(height: lines.count + 2) { buffer, y in
            buffer.box(x: x, y: y, width: width, height: lines.count + 2, style: .bold)
            var offset = 0
            for (row, line) in lines.enumerated() {
                var column = x + 2 + (width - 3 - line.count * 2) / 2
                for character in line {
                    let style = changed.contains(offset) ? Style(bold: true, reverse: true) : .bold
                    column = buffer.put(String(character), x: column, y: y + 1 + row, style: style) + 1
                    offset += 1
                }
            }
        }
    }

    /// The address in lines of at most `perLine` characters, broken after an `@` or a dot where it can be.
    static func emailLines(_ address: [Character], perLine: Int) -> [[Character]] {
        var lines: [[Character]] = [[]]
        var part: [Character] = []
        func place(_ part: [Character]) {
            if lines[lines.count - 1].count + part.count > perLine, !lines[lines.count - 1].isEmpty { lines.append([]) }
            var rest = part[...]
            while lines[lines.count - 1].count + rest.count > perLine {
                let room = perLine - lines[lines.count - 1].count
                lines[lines.count - 1] += rest.prefix(room)
                rest = rest.dropFirst(room)
                lines.append([])
            }
            lines[lines.count - 1] += rest
        }
        for character in address {
            part.append(character)
            if character == "@" || character == "." {
                place(part)
                part = []
            }
        }
        place(part)
        let kept = lines.filter { !$0.isEmpty }
        return kept.isEmpty ? [[]] : kept
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
        var blocks: [Block] = [stars, .gap(), .big(model.text("front.done.title"), in: area), .gap(), stars, .gap()]
        if let later = flow.later {
            // The code is all they take away: large, and how to use it.
            return blocks + [
                .text(model.text("front.done.kept", ["name": flow.cleanName]), in: area, style: .bold), .gap(),
                shortCode(later.code, in: area), .gap(),
                .text(model.text("front.done.keepCode"), in: area, style: .bold),
                .text(model.text("front.done.addLater", ["address": later.home]), in: area),
            ]
        }
        blocks += [.text(model.text("front.done.message", ["name": flow.cleanName]), in: area, style: .bold), .gap()]
        for badge in flow.completions {
            blocks += [.text(model.text("front.done.programme", ["badge": badge]), in: area, style: .bold), .gap()]
        }
        return blocks + [
            .text(model.text("front.done.email", ["issuer": model.settings.issuerName]), in: area, style: .bold),
            .text(model.text("front.done.sentTo", ["email": flow.cleanEmail]), in: area), .gap(),
            doneLastLine(model, flow, in: area),
        ]
    }
}
