import KioskCore
import TerminalUI

/// "Well done" with a learner's first name: the done screen's question, and the lines on the first screen.
extension FrontView {
    /// The done screen's last line: "Press Enter to finish", or in its place the question (Y for yes,
    /// nothing else needed), then what came of it.
    static func doneLastLine(_ model: FrontModel, _ flow: LearnerFlow, in area: Area) -> Block {
        let text = model.text(flow.doneLastLine, ["name": flow.celebrationName])
        switch flow.celebrate {
        case nil: return .text(text, in: area)
        case .failed?: return .problem(text, in: area)
        default: return .text(text, in: area, style: .bold)
        }
    }

    /// Up to `rows` of the first screen's "Well done" lines, each on one line of `area`: a long session
    /// title is cut short ("..."), never the name, so the lines never push the rest off the screen.
    static func celebrationBlocks(_ model: FrontModel, rows: Int, in area: Area) -> [Block] {
        let lines = model.celebrations.prefix(max(0, min(rows, Celebrations.maxShown)))
        return lines.map { line in
            .text(fitted(model, line, width: area.width), in: area, style: .bold)
        }
    }

    /// The line in `width` columns: whole if it fits, else with as many whole words of the title as fit and "...".
    static func fitted(_ model: FrontModel, _ line: Celebration, width: Int) -> String {
        func text(_ title: String) -> String { model.text("front.attract.celebration", ["name": line.name, "title": title]) }
        let whole = text(line.sessionTitle)
        guard whole.count > width else { return whole }
        let room = width - (text("").count + 3)
        guard room > 0 else { return String(whole.prefix(width)) }
        // At a space where there is one, so no word is left cut in two, and without a dash or colon left hanging.
        var title = line.sessionTitle.prefix(room)
        if let next = line.sessionTitle.dropFirst(room).first, next != " ", let space = title.lastIndex(of: " ") {
            title = title[..<space]
        }
        while let last = title.last, !last.isLetter, !last.isNumber { title = title.dropLast() }
        return text(title + "...")
    }
}
