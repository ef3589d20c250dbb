import QRCode
import TerminalUI

extension FrontView {
    /// Dark modules black, light modules white, whatever the terminal's own colours: scanners need
    /// dark on light, and the quiet zone must be light even on a black console.
    static let qrStyle = Style(foreground: .black, background: .white)

    /// The QR code for `url` laid out in `style`, or nil when it cannot be made.
    static func qrArt(_ url: String, style: QRRenderStyle) -> QRTerminalArt? {
        (try? QRCode(text: url)).map { QRTerminalArt($0, style: style) }
    }

    /// Draws `art` with its top-left corner at (`x`, `y`): half blocks, or two reverse-video spaces a module.
    static func draw(_ art: QRTerminalArt, into buffer: inout CellBuffer, x: Int, y: Int) {
        let dark = Style(foreground: .black, background: .white, reverse: true)
        for row in 0..<art.height {
            for column in 0..<art.width {
                let cell: Cell
                switch (art.style, art[column, row]) {
                case (_, .light): cell = Cell(" ", style: qrStyle)
                case (.blocks, _): cell = Cell(" ", style: dark)
                case (.halfBlock, .dark): cell = Cell("\u{2588}", style: qrStyle)
                case (.halfBlock, .upperDark): cell = Cell("\u{2580}", style: qrStyle)
                case (.halfBlock, .lowerDark): cell = Cell("\u{2584}", style: qrStyle)
                }
                buffer[x + column, y + row] = cell
            }
        }
    }

    /// The short code in block letters when they fit, else bold and letter-spaced.
    static func shortCode(_ short: String, in area: Area) -> Block {
        BigFont.width(of: short) <= area.width ? .big(short, in: area) : .text(spaced(short), in: area, style: .bold)
    }

    /// A session's QR code full screen, after a volunteer ended it: scan it, or press Enter to claim here.
    static func sessionQR(_ model: FrontModel, id: Int64, into buffer: inout CellBuffer) {
        guard let recent = model.recent, recent.id == id else {
            attract(model, into: &buffer)
            return
        }
        keys(&buffer, [model.text("front.keys.close")])
        let claimed = model.text("front.attract.claimed", ["claimed": String(recent.claimed), "expected": String(recent.expected)])
        if let art = qrArt(recent.code.url, style: model.settings.qrStyle),
           art.width + 36 <= buffer.width, art.height <= buffer.height - 1 {
            let top = max(0, (buffer.height - 1 - art.height) / 2)
            draw(art, into: &buffer, x: 1, y: top)
            let panel = Area(x: art.width + 2, width: buffer.width - art.width - 3)
            buffer.stack([
                .text(model.text("front.qr.scan"), in: panel, style: .bold), .gap(),
                .text(recent.title, in: panel), .gap(),
                shortCode(recent.code.short, in: panel), .gap(),
                .text(claimed, in: panel, style: .bold), .gap(),
                .text(model.text("front.qr.claimHere"), in: panel),
            ], top: 0, bottom: buffer.height - 1)
            return
        }
        let area = contentArea(buffer)
        buffer.stack([
            .text(recent.title, in: area, style: .bold), .gap(),
            .text(model.text("front.attract.qrTooBig"), in: area), .gap(),
            shortCode(recent.code.short, in: area), .gap(),
            .text(spaced(recent.code.url), in: area), .gap(),
            .text(claimed, in: area, style: .bold), .gap(),
            .text(model.text("front.qr.claimHere"), in: area),
        ], top: 0, bottom: buffer.height - 1)
    }
}
