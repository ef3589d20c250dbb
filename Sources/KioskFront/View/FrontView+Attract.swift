import Localization
import QRCode
import TerminalUI

extension FrontView {
    /// The first screen: a big question, Enter to start, the language choice, and the QR code of a
    /// session that just ended here.
    static func attract(_ model: FrontModel, into buffer: inout CellBuffer) {
        if let recent = model.recent, let art = qrArt(recent.code.url, style: model.settings.qrStyle),
           art.width + 34 <= buffer.width, art.height <= buffer.height {
            attractBeside(model, recent, art: art, into: &buffer)
            return
        }
        let area = contentArea(buffer)
        var blocks: [Block]
        if let recent = model.recent {
            // A session ended here but its QR code does not fit: offer the code to type instead.
            blocks = [
                .text(model.text("front.attract.title"), in: area, style: .bold), .gap(),
                .text(model.text("front.attract.session", ["title": recent.title]), in: area),
                .text(model.text("front.attract.qrTooBig"), in: area), .gap(),
                shortCode(recent.code.short, in: area),
                .text(claimedLine(model, recent), in: area, style: .bold), .gap(),
            ]
        } else {
            blocks = [.big(model.text("front.attract.title"), in: Area(x: 2, width: buffer.width - 4)), .gap()]
        }
        blocks += [startButton(model, in: area), .gap()]
        blocks += footer(model, in: area, below: blocks, rows: buffer.height)
        buffer.stack(blocks, top: 0, bottom: buffer.height)
    }

    /// The QR code on the left, everything else beside it.
    private static func attractBeside(_ model: FrontModel, _ recent: RecentSession, art: QRTerminalArt,
                                      into buffer: inout CellBuffer) {
        let fullWidth = Area(x: 2, width: buffer.width - 4)
        var top = 0
        // Room for the block-letter question above the code (taller screens).
        if buffer.height - art.height >= BigFont.height + 2, let title = BigFont.lines(model.text("front.attract.title"),
                                                                                         width: fullWidth.width), title.count == 1 {
            Block.big(model.text("front.attract.title"), in: fullWidth).draw(&buffer, 1)
            top = BigFont.height + 2
        }
        let qrTop = top + max(0, (buffer.height - top - art.height) / 2)
        draw(art, into: &buffer, x: 1, y: qrTop)
        let panel = Area(x: art.width + 2, width: buffer.width - art.width - 3)
        var blocks: [Block] = []
        if top == 0 { blocks += [.text(model.text("front.attract.title"), in: panel, style: .bold), .gap()] }
        blocks += [.text(model.text("front.attract.session", ["title": recent.title]), in: panel), .gap()]
        if let wifi = model.settings.wifi { blocks.append(.text(model.text("front.qr.joinWiFi", ["name": wifi.name]), in: panel)) }
        blocks += [
            .text(model.text("front.attract.scan"), in: panel, style: .bold),
            .text(model.text("front.attract.orCode"), in: panel),
            shortCode(recent.code.short, in: panel),
            .text(claimedLine(model, recent), in: panel, style: .bold), .gap(),
            startButton(model, in: panel), .gap(),
        ]
        blocks += footer(model, in: panel, below: blocks, rows: buffer.height - top)
        buffer.stack(blocks, top: top, bottom: buffer.height)
    }

    static func claimedLine(_ model: FrontModel, _ recent: RecentSession) -> String {
        model.text("front.attract.claimed", ["claimed": String(recent.claimed), "expected": String(recent.expected)])
    }

    /// "Press Enter to start", reversed like a button.
    private static func startButton(_ model: FrontModel, in area: Area) -> Block {
        let label = model.service == .up ? model.text("front.attract.start") : model.text("front.attract.connecting")
        let width = min(area.width, label.count + 6)
        let x = area.x + (area.width - width) / 2
        let style = Style(bold: true, reverse: true)
        return Block(height: 3) { buffer, y in
            buffer.fill(x: x, y: y, width: width, height: 3, with: Cell(" ", style: style))
            buffer.centre(String(label.prefix(width)), y: y + 1, style: style, x: x, width: width)
        }
    }

    /// The footer under `above`, with as many "Well done" lines as the `rows` of the screen leave room for.
    private static func footer(_ model: FrontModel, in area: Area, below above: [Block], rows: Int) -> [Block] {
        let used = (above + footerBlocks(model, in: area, celebrationRows: 0)).reduce(0) { $0 + $1.height }
        return footerBlocks(model, in: area, celebrationRows: rows - used)
    }

    /// Today's count and the "Well done" lines under it, the language choice and the demo hint.
    private static func footerBlocks(_ model: FrontModel, in area: Area, celebrationRows: Int) -> [Block] {
        var blocks: [Block] = []
        if model.service == .up {
            blocks.append(.text(model.text("front.attract.today", ["count": String(model.todayClaims)]), in: area))
            blocks += celebrationBlocks(model, rows: celebrationRows, in: area)
            blocks.append(.gap())
        }
        blocks += [languages(model, in: area), .text(model.text("front.attract.language"), in: area)]
        if model.settings.canSpeak { blocks.append(.text(model.text("front.keys.listen"), in: area)) }
        if let hint = model.settings.demoHint { blocks += [.gap(), .text(hint, in: area, style: .bold)] }
        return blocks
    }

    /// Each language in its own name; the current one reversed and in brackets (not shown by colour alone).
    private static func languages(_ model: FrontModel, in area: Area) -> Block {
        let names = Front.attractLanguages(model).map { ($0, $0.consoleSafe ? $0.nativeName : model.text("front.attract.arabic")) }
        let total = names.reduce(0) { $0 + $1.1.count + 2 } + (names.count - 1) * 2
        return Block(height: 1) { buffer, y in
            var x = area.x + max(0, (area.width - total) / 2)
            for (language, name) in names {
                let chosen = language == model.language
                let style = chosen ? Style(bold: true, reverse: true) : Style.plain
                x = buffer.put(chosen ? "[\(name)]" : " \(name) ", x: x, y: y, style: style) + 2
            }
        }
    }
}
