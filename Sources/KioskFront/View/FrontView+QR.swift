import KioskCore
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
    /// With the venue Wi-Fi set, its "join" code comes first (a phone off the Wi-Fi cannot open the
    /// claim page); where both codes do not fit, the Wi-Fi is given in words.
    static func sessionQR(_ model: FrontModel, id: Int64, into buffer: inout CellBuffer) {
        guard let recent = model.recent, recent.id == id else {
            attract(model, into: &buffer)
            return
        }
        keys(&buffer, [model.text("front.keys.close")])
        let bottom = buffer.height - 1
        let claim = qrArt(recent.code.url, style: model.settings.qrStyle)
        if let wifi = model.settings.wifi, let claim, let join = qrArt(wifi.qrText, style: model.settings.qrStyle),
           twoCodes(model, recent, wifi: wifi, codes: (join, claim), into: &buffer) {
            return
        }
        var words: [String] = []
        if let wifi = model.settings.wifi {
            words.append(model.text("front.qr.joinWiFi", ["name": wifi.name]))
            if let password = wifi.password, !password.isEmpty {
                words.append(model.text("front.qr.wifiPassword", ["password": password]))
            }
        }
        if let art = claim, art.width + 36 <= buffer.width, art.height <= bottom {
            draw(art, into: &buffer, x: 1, y: max(0, (bottom - art.height) / 2))
            let panel = Area(x: art.width + 2, width: buffer.width - art.width - 3)
            buffer.stack(wifiBlocks(words, in: panel) + [.text(model.text("front.qr.scan"), in: panel, style: .bold), .gap()]
                         + panelBlocks(model, recent, in: panel), top: 0, bottom: bottom)
            return
        }
        let area = contentArea(buffer)
        buffer.stack(wifiBlocks(words, in: area) + [
            .text(recent.title, in: area, style: .bold), .gap(),
            .text(model.text("front.attract.qrTooBig"), in: area), .gap(),
            shortCode(recent.code.short, in: area), .gap(),
            .text(spaced(recent.code.url), in: area), .gap(),
            .text(claimedLine(model, recent), in: area, style: .bold), .gap(),
            .text(model.text("front.qr.claimHere"), in: area),
        ], top: 0, bottom: bottom)
    }

    /// Beside a code: the session's title, its short code, how many have claimed and "No phone?".
    private static func panelBlocks(_ model: FrontModel, _ recent: RecentSession, in panel: Area) -> [Block] {
        [.text(recent.title, in: panel), .gap(),
         shortCode(recent.code.short, in: panel), .gap(),
         .text(claimedLine(model, recent), in: panel, style: .bold), .gap(),
         .text(model.text("front.qr.claimHere"), in: panel)]
    }

    /// The Wi-Fi's name and password in words, bold, above the rest.
    private static func wifiBlocks(_ words: [String], in area: Area) -> [Block] {
        words.isEmpty ? [] : words.map { Block.text($0, in: area, style: .bold) } + [.gap()]
    }

    /// The Wi-Fi code and the claim code side by side, each captioned, with the session's details
    /// beside them on a wide screen or under them on a smaller one. The two share the light margin
    /// between them: it is each code's full quiet zone, and it lets both fit on 80 columns. False when
    /// they do not fit, and nothing is drawn.
    private static func twoCodes(_ model: FrontModel, _ recent: RecentSession, wifi: VenueWiFi,
                                 codes: (join: QRTerminalArt, claim: QRTerminalArt), into buffer: inout CellBuffer) -> Bool {
        let bottom = buffer.height - 1
        let shared = QRCode.quietZone * (codes.join.style == .blocks ? 2 : 1)
        let pair = codes.join.width + codes.claim.width - shared
        let height = max(codes.join.height, codes.claim.height)
        let split = codes.join.width - shared / 2
        let captionAreas = (Area(x: 0, width: split), Area(x: split, width: pair - split))
        let captions = (TextLayout.wrap(model.text("front.qr.joinWiFi", ["name": wifi.name]), width: captionAreas.0.width),
                        TextLayout.wrap(model.text("front.qr.scan"), width: captionAreas.1.width))
        let captionHeight = max(captions.0.count, captions.1.count)
        let wide = buffer.width - pair - 3 >= 36 && height + 1 + captionHeight <= bottom
        let below = Area(x: 1, width: buffer.width - 2)
        func lines(_ text: String) -> Int { TextLayout.wrap(text, width: below.width).count }
        // Under the codes, the short code and "No phone?" must show; the title, then the count, if there is room.
        let short = spaced(recent.code.short), claimHere = model.text("front.qr.claimHere")
        var room = bottom - height - captionHeight - lines(short) - lines(claimHere)
        func ifRoom(_ text: String) -> String? {
            guard lines(text) <= room else { return nil }
            room -= lines(text)
            return text
        }
        let title = ifRoom(recent.title), claimed = ifRoom(claimedLine(model, recent))
        let details: [Block] = [title.map { .text($0, in: below) }, .text(short, in: below, style: .bold),
                                claimed.map { .text($0, in: below, style: .bold) }, .text(claimHere, in: below)].compactMap { $0 }
        guard wide || (pair + 2 <= buffer.width && room >= 0) else { return false }

        let left = wide ? 1 : (buffer.width - pair) / 2
        let top = wide ? max(0, (bottom - height - 1 - captionHeight) / 2) : 0
        draw(codes.join, into: &buffer, x: left, y: top)
        draw(codes.claim, into: &buffer, x: left + pair - codes.claim.width, y: top)
        let captionTop = top + height + (wide ? 1 : 0)
        for (lines, area) in [(captions.0, captionAreas.0), (captions.1, captionAreas.1)] {
            for (index, line) in lines.enumerated() {
                buffer.centre(line, y: captionTop + index, style: .bold, x: left + area.x, width: area.width)
            }
        }
        if wide {
            let panel = Area(x: left + pair + 2, width: buffer.width - left - pair - 3)
            buffer.stack(panelBlocks(model, recent, in: panel), top: 0, bottom: bottom)
        } else {
            buffer.stack(details, top: captionTop + captionHeight, bottom: bottom)
        }
        return true
    }
}
