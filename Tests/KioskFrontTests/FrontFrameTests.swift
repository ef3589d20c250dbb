import CQREncode
import KioskCore
import Testing
import TerminalUI
@testable import KioskFront
@testable import QRCode

@Suite("What the front draws")
struct FrontFrameTests {
    static let large = TerminalSize(columns: 120, rows: 33)

    /// Reads the QR modules back from a frame: the light quiet zone's top-left corner is found first,
    /// at or right of column `left`.
    static func decodeQR(_ frame: CellBuffer, style: QRRenderStyle, size: Int, from left: Int = 0) -> [[Bool]]? {
        let quiet = QRCode.quietZone
        let moduleWidth = style == .halfBlock ? 1 : 2
        for y in 0..<frame.height {
            for x in left..<frame.width where frame[x, y].style.background == .white {
                return (0..<size).map { row in
                    (0..<size).map { column in
                        let mx = x + (column + quiet) * moduleWidth
                        let my = row + quiet
                        switch style {
                        case .halfBlock:
                            let cell = frame[mx, y + my / 2].character
                            return my % 2 == 0 ? (cell == "█" || cell == "▀") : (cell == "█" || cell == "▄")
                        case .blocks:
                            return frame[mx, y + my].style.reverse
                        }
                    }
                }
            }
        }
        return nil
    }

    static func reference(_ text: String) -> [[Bool]] {
        let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)!
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        return (0..<width).map { y in (0..<width).map { x in code.pointee.data[y * width + x] & 1 == 1 } }
    }

    @Test(arguments: [(QRRenderStyle.halfBlock, TerminalSize(columns: 80, rows: 25)),
                      (.halfBlock, TerminalSize(columns: 120, rows: 33)), (.blocks, TerminalSize(columns: 160, rows: 50))])
    func theSessionQRCodeOnScreenDecodesToLibqrencodesMatrix(style: QRRenderStyle, size: TerminalSize) throws {
        var settings = Fixtures.settings
        settings.qrStyle = style
        var model = Fixtures.model(settings: settings, recent: Fixtures.recent)
        model.screen = .sessionQR(Fixtures.recent.id)
        let frame = FrontView.render(model, size: size)
        let expected = Self.reference(Fixtures.code.url)
        let decoded = try #require(Self.decodeQR(frame, style: style, size: expected.count))
        #expect(decoded == expected)
    }

    @Test(arguments: [TerminalSize(columns: 80, rows: 25), TerminalSize(columns: 120, rows: 33)])
    func withTheVenueWiFiSetItsJoinCodeComesFirstThenTheClaimCode(size: TerminalSize) throws {
        var settings = Fixtures.settings
        settings.wifi = Fixtures.wifi
        var model = Fixtures.model(settings: settings, recent: Fixtures.recent)
        model.screen = .sessionQR(Fixtures.recent.id)
        let frame = FrontView.render(model, size: size)
        let join = Self.reference("WIFI:T:WPA;S:Cross Keys Guest;P:tea\\;and\\:toast;;")
        #expect(try #require(Self.decodeQR(frame, style: .halfBlock, size: join.count)) == join)
        let left = try #require((0..<frame.width).first { x in (0..<frame.height).contains { frame[x, $0].style.background == .white } })
        // The claim code's quiet zone starts where the Wi-Fi code's dark modules end.
        let claim = Self.reference(Fixtures.code.url)
        let second = left + QRCode.quietZone + join.count
        #expect(try #require(Self.decodeQR(frame, style: .halfBlock, size: claim.count, from: second)) == claim)
        let text = frame.plainText
        #expect(text.contains("Join the Wi-Fi Cross Keys Guest first"))
        #expect(text.contains("Scan to collect your badge"))
        // Under the codes on 80 columns, the short code letter-spaced; beside them when wider, in block letters.
        #expect(text.contains(size.columns == 80 ? "K 7 M - 2 Q X" : "7 of 12 claimed"))
        #expect(text.contains("No phone? Press Enter to claim here."))
    }

    @Test func whereTwoCodesDoNotFitTheWiFiIsGivenInWords() throws {
        var settings = Fixtures.settings
        settings.wifi = Fixtures.wifi
        settings.qrStyle = .blocks
        var model = Fixtures.model(settings: settings, recent: Fixtures.recent)
        model.screen = .sessionQR(Fixtures.recent.id)
        let text = FrontView.render(model, size: TerminalSize(columns: 120, rows: 33)).plainText
        #expect(text.contains("Join the Wi-Fi Cross Keys Guest first"))
        #expect(text.contains("The Wi-Fi password is tea;and:toast"))
        settings.wifi = VenueWiFi(name: "Library Free", password: nil)
        model = Fixtures.model(settings: settings, recent: Fixtures.recent)
        model.screen = .sessionQR(Fixtures.recent.id)
        let open = FrontView.render(model, size: TerminalSize(columns: 120, rows: 33)).plainText
        #expect(open.contains("Join the Wi-Fi Library Free first"))
        #expect(!open.contains("password"))
    }

    @Test func aQRCodeThatDoesNotFitSaysSoAndOffersTheShortCode() {
        var settings = Fixtures.settings
        settings.qrStyle = .blocks
        var model = Fixtures.model(settings: settings, recent: Fixtures.recent)
        model.screen = .sessionQR(Fixtures.recent.id)
        let text = FrontView.render(model, size: .standard).plainText
        #expect(text.contains("The QR code does not fit on this screen."))
        #expect(!FrontView.render(model, size: .standard).cells.contains { $0.style.background == .white })
    }

    @Test func typingALetterRewritesOnlyTheCellsThatChanged() {
        let model = Fixtures.type(Fixtures.atName(), "Zo")
        var renderer = DiffRenderer()
        _ = renderer.render(FrontView.render(model, size: .standard))
        let typed = Fixtures.type(model, "ë")
        let bytes = renderer.render(FrontView.render(typed, size: .standard))
        // The new letter and the caret that moved right: two cells, one cursor move each at most.
        #expect(bytes.count < 60)
        var replica = ScreenReplica(size: .standard)
        var fresh = DiffRenderer()
        replica.apply(fresh.render(FrontView.render(model, size: .standard)))
        replica.apply(fresh.render(FrontView.render(typed, size: .standard)))
        #expect(replica.screen == FrontView.render(typed, size: .standard))
        #expect(replica.text.contains("Zoë"))
    }

    @Test func theFrontUsesItsOwnWordsInEachLanguage() {
        var model = Fixtures.model()
        model.language = .ukrainian
        #expect(FrontView.render(model, size: .standard).plainText.contains("Натисніть Enter, щоб почати"))
        model.language = .polish
        let polish = FrontView.render(model, size: .standard).plainText
        // Polish capitals with accents have no block letters: the question falls back to bold text.
        #expect(polish.contains("Masz odznakę do odebrania?"))
    }

    @Test func tooSmallAWindowSaysSo() {
        #expect(FrontView.render(Fixtures.model(), size: TerminalSize(columns: 30, rows: 10)).plainText.contains("bigger"))
    }

    @Test func anEmailWrapsAfterItsAtAndDotsNeverInsideAWord() {
        let lines = FrontView.emailLines(Array("amira.kowalska-smith@hotmail.co.uk"), perLine: 18).map { String($0) }
        #expect(lines == ["amira.", "kowalska-smith@", "hotmail.co.uk"])
        // A part wider than the screen is the one place a word is cut.
        #expect(FrontView.emailLines(Array("abcdefghij@x.uk"), perLine: 4).map { String($0) } == ["abcd", "efgh", "ij@", "x.uk"])
        #expect(FrontView.emailLines([], perLine: 10) == [[]])
    }
}
