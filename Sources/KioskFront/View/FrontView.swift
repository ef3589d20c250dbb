import TerminalUI

/// Draws the model: a pure function from the model and the window size to a frame.
enum FrontView {
    static func render(_ model: FrontModel, size: TerminalSize) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        guard size.columns >= 40, size.rows >= 12 else {
            buffer.paragraph("Please make this window bigger.", y: 0, width: size.columns)
            return buffer
        }
        if model.screen.facesLearner, model.service == .down {
            problem(model, into: &buffer)
            return buffer
        }
        switch model.screen {
        case .attract: attract(model, into: &buffer)
        case .learner(let flow): learner(model, flow, into: &buffer)
        case .moreTime(_, let until): moreTime(model, until: until, into: &buffer)
        case .pin(let entry): pin(model, entry, into: &buffer)
        case .volunteer(let state): volunteer(model, state, into: &buffer)
        case .sessionQR(let id): sessionQR(model, id: id, into: &buffer)
        }
        return buffer
    }

    /// The columns content uses: all but a margin at 80 wide, a comfortable measure when wider.
    static func contentArea(_ buffer: CellBuffer) -> Area {
        let width = min(buffer.width - 4, max(72, buffer.width * 3 / 4))
        return Area(x: (buffer.width - width) / 2, width: width)
    }

    /// A full-width bar on `row`: `left` at the left, `right` at the right, reversed.
    static func bar(_ buffer: inout CellBuffer, row: Int, left: String, right: String = "", centre: String = "") {
        let style = Style(bold: true, reverse: true)
        buffer.fill(x: 0, y: row, width: buffer.width, height: 1, with: Cell(" ", style: style))
        if !centre.isEmpty { buffer.centre(centre, y: row, style: style) }
        buffer.put(left, x: 1, y: row, style: style)
        if !right.isEmpty { buffer.put(right, x: buffer.width - right.count - 1, y: row, style: style) }
    }

    /// The keys that work here, on the bottom row.
    static func keys(_ buffer: inout CellBuffer, _ keys: [String]) {
        bar(&buffer, row: buffer.height - 1, left: "", centre: keys.joined(separator: "     "))
    }

    /// A learner screen's keys, and F1 to hear the screen where the kiosk can speak.
    static func learnerKeys(_ model: FrontModel, _ buffer: inout CellBuffer, _ keys: [String]) {
        self.keys(&buffer, keys + (model.settings.canSpeak ? [model.text("front.keys.listen")] : []))
    }

    /// `text` with a space between letters, so each one can be checked ("a m i r a @ ...").
    static func spaced(_ text: String) -> String {
        text.map(String.init).joined(separator: " ")
    }

    /// A message as a problem (errors) or as plain bold news (a volunteer's "Session started").
    static func message(_ model: FrontModel, _ message: Message?, in area: Area) -> [Block] {
        guard let message else { return [] }
        let text = model.text(message)
        return [.gap(), message.isNews ? .text(text, in: area, style: .bold) : .problem(text, in: area)]
    }

    /// "The kiosk is having a problem. Please ask a volunteer." while the service is away.
    static func problem(_ model: FrontModel, into buffer: inout CellBuffer) {
        let area = contentArea(buffer)
        buffer.stack([
            .big(model.text("front.problem.title"), in: area), .gap(2),
            .text(model.text("front.problem.message"), in: area, style: .bold), .gap(),
            .text(model.text("front.problem.retrying"), in: area),
        ], top: 0, bottom: buffer.height)
    }

    /// "Do you need more time?" with the seconds left, large.
    static func moreTime(_ model: FrontModel, until: Double, into buffer: inout CellBuffer) {
        let area = contentArea(buffer)
        let seconds = Front.secondsLeft(until: until, now: model.now)
        buffer.stack([
            .big(model.text("front.moreTime.big"), in: area), .gap(),
            .text(model.text("front.moreTime.question"), in: area, style: .bold), .gap(),
            .big(String(seconds), in: area), .gap(),
            .text(model.text("front.moreTime.countdown", ["seconds": String(seconds)]), in: area),
            .text(model.text("front.moreTime.press"), in: area, style: .bold),
        ], top: 0, bottom: buffer.height)
    }
}
