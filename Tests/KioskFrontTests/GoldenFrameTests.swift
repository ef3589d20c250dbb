import Foundation
import Localization
import Testing
import TerminalUI
@testable import KioskFront

/// Every screen at 80×25 and 120×33, compared with the text and styles in `Tests/FrontGolden/`.
/// Run with `BADGEKIOSK_RECORD_GOLDEN=1` to rewrite the files after a deliberate change.
@Suite("Golden frames")
struct GoldenFrameTests {
    static let sizes = [TerminalSize(columns: 80, rows: 25), TerminalSize(columns: 120, rows: 33)]

    static let screens: [(String, FrontModel)] = {
        var list: [(String, FrontModel)] = []
        let base = Fixtures.model()
        list.append(("attract", base))
        list.append(("attract-ukrainian", Fixtures.press(base, .right).0))
        list.append(("attract-polish", Fixtures.press(base, .left).0))
        list.append(("attract-recent", Fixtures.model(recent: Fixtures.recent)))
        var blocks = Fixtures.settings
        blocks.qrStyle = .blocks
        list.append(("attract-recent-blocks", Fixtures.model(settings: blocks, recent: Fixtures.recent)))
        var demo = Fixtures.settings
        demo.demoHint = "Demo: volunteer PIN is 1234 - press F2"
        demo.allowQuit = true
        list.append(("attract-demo", Fixtures.model(settings: demo)))
        var connecting = base
        connecting.service = .connecting
        list.append(("attract-connecting", connecting))
        var down = base
        down.service = .down
        list.append(("problem", down))

        let confirm = Fixtures.press(Fixtures.model(recent: Fixtures.recent), .enter).0
        list.append(("step1-confirm-session", confirm))
        let code = Fixtures.type(Fixtures.press(base, .enter).0, "k7m2q")
        list.append(("step1-code", code))
        list.append(("step1-code-error", Fixtures.press(code, .enter).0))
        let typed = Fixtures.type(Fixtures.press(base, .enter).0, "k7m2qx")
        list.append(("step1-code-last-try", Fixtures.wrongCode(Fixtures.wrongCode(typed))))
        let paused = Fixtures.wrongCode(Fixtures.wrongCode(Fixtures.wrongCode(typed)))
        list.append(("step1-code-paused", Fixtures.apply(paused, [.tick], at: paused.now + 4.2).0))
        let full = ServiceFailure(status: 410, code: "code_used_up", message: "")
        list.append(("step1-confirm-full", Fixtures.apply(Fixtures.press(confirm, .enter).0,
                                                          [.reply(.codeChecked(Fixtures.code.token, .failure(full)))]).0))
        let name = Fixtures.type(Fixtures.confirmed(confirm), "Zoë")
        list.append(("step2-name", name))
        list.append(("step2-name-error", Fixtures.press(Fixtures.confirmed(confirm), .enter).0))
        list.append(("step3-email", Fixtures.type(Fixtures.press(name, .enter).0, "zoe@example")))
        list.append(("step3-confirm-email", Fixtures.atConfirmEmail("zoe.smith@example.org")))
        list.append(("step3-confirm-email-typo", Fixtures.atConfirmEmail("zoe.smith@gmial.com")))
        let consent = Fixtures.press(Fixtures.atConfirmEmail("zoe.smith@example.org"), .enter).0
        list.append(("step4-consent", consent))
        let sending = Fixtures.press(consent, .enter).0
        list.append(("sending", sending))
        list.append(("done", Fixtures.apply(sending, [.reply(.claimed(.success(Fixtures.receipt)))]).0))
        list.append(("done-programme", Fixtures.apply(sending, [.reply(.claimed(.success(Fixtures.completingReceipt))),
                                                                .reply(.badges(.success(Fixtures.catalogue)))]).0))
        list.append(("declined", Fixtures.press(consent, .down, .enter).0))
        let gone = ServiceFailure(status: 410, code: "code_expired", message: "")
        list.append(("step1-code-expired-when-sent", Fixtures.apply(sending, [.reply(.claimed(.failure(gone)))]).0))
        let busy = ServiceFailure(status: 503, code: "storage_unavailable", message: "")
        list.append(("failed", Fixtures.apply(sending, [.reply(.claimed(.failure(busy)))]).0))
        list.append(("more-time", Fixtures.apply(name, [.tick], at: name.lastInput + 63).0))

        let pin = Fixtures.type(Fixtures.press(base, .function(2)).0, "12")
        list.append(("pin", pin))
        list.append(("pin-wrong", Fixtures.press(Fixtures.type(pin, "9"), .enter).0))
        var locked = pin
        locked.pinGuard.pausedUntil = locked.now + 272
        list.append(("pin-locked", locked))
        var unset = Fixtures.settings
        unset.pin = nil
        list.append(("pin-unset", Fixtures.press(Fixtures.model(settings: unset), .function(2)).0))

        let menu = Fixtures.unlocked()
        list.append(("menu", menu))
        list.append(("menu-demo", Fixtures.unlocked(allowQuit: true)))
        list.append(("quit-confirm", Fixtures.press(Fixtures.unlocked(allowQuit: true), .character("9")).0))
        let title = Fixtures.type(Fixtures.press(menu, .enter).0, "Intro to Work - Day 3")
        list.append(("start-title", title))
        let badges = Fixtures.apply(Fixtures.press(title, .enter).0, [.reply(.badges(.success([
            BadgeInfo(id: "d1", name: "Intro to Work - Day 1: Motivation"), BadgeInfo(id: "d2", name: "Intro to Work - Day 2: Job search"),
            BadgeInfo(id: "d3", name: "Intro to Work - Day 3: Interviews"), BadgeInfo(id: "all", name: "Intro to Work - All four days"),
        ])))]).0
        list.append(("start-badges", Fixtures.press(badges, .down, .down, .character(" "), .down).0))
        list.append(("start-expected", Fixtures.type(Fixtures.press(badges, .character(" "), .enter).0, "12")))
        list.append(("start-done", Fixtures.apply(Fixtures.press(Fixtures.type(Fixtures.press(badges, .character(" "), .enter).0, "12"),
                                                                  .enter).0, [.reply(.sessionStarted(.success(5)))]).0))
        list.append(("end-pick", Fixtures.press(menu, .down, .enter).0))
        list.append(("slips-count", Fixtures.type(Fixtures.press(menu, .character("3"), .enter).0, "20")))
        list.append(("slips-language", Fixtures.press(Fixtures.type(Fixtures.press(menu, .character("3"), .enter).0, "20"), .enter).0))
        let slipCodes = ["K7M-2QX-4P9B", "P3R-9ZT-7KWA", "W4N-8HC-2MXD", "Q2V-5MB-8RTE", "D6J-7KS-3NPF", "A9F-3TX-6HGC",
                         "H8E-4NP-9ZQJ", "Y5G-2RW-5CVK", "C3U-6ZM-7BDS"]
        let batch = SlipBatch(codes: slipCodes.map { CodeInfo(token: $0, short: $0, url: "") }, savedTo: "/var/lib/badgekiosk/slips/slips-3-K7M-2QX-4P9B.pdf")
        list.append(("slips", Fixtures.apply(Fixtures.press(menu, .character("3"), .enter).0, [.reply(.slips(.success(batch)))]).0))
        let outbox = OutboxInfo(queued: 12, sending: 0, sent: 30, failed: 1, lastError: "connect: Network is unreachable")
        list.append(("outbox", Fixtures.apply(Fixtures.press(menu, .character("5")).0, [.reply(.outbox(.success(outbox)))]).0))
        let sent = OutboxInfo(queued: 0, sending: 0, sent: 42, failed: 0, lastError: nil)
        list.append(("outbox-all-sent", Fixtures.apply(Fixtures.press(menu, .character("5")).0, [.reply(.outbox(.success(sent)))]).0))
        let unsure = Fixtures.apply(Fixtures.press(Fixtures.unlocked(settings: Fixtures.navigatr), .character("5")).0,
                                    [.reply(.outbox(.success(Fixtures.unsureOutbox)))]).0
        list.append(("outbox-unsure", Fixtures.press(unsure, .down).0))
        list.append(("unsure-check", Fixtures.press(unsure, .enter).0))
        list.append(("unsure-check-send-again", Fixtures.press(unsure, .enter, .down).0))
        let limit = Fixtures.type(Fixtures.press(menu, .character("4"), .enter).0, "20")
        list.append(("limit-pick", Fixtures.press(menu, .character("4")).0))
        list.append(("limit-count", limit))
        var raised = Fixtures.code
        raised.maxClaims = 20
        list.append(("limit-done", Fixtures.apply(Fixtures.press(limit, .enter).0, [.reply(.limitSet(.success(raised)))]).0))
        list.append(("sync-unavailable", Fixtures.apply(Fixtures.press(menu, .character("7")).0, [.reply(.synced(.success(nil)))]).0))
        list.append(("session-qr", Fixtures.apply(Fixtures.press(menu, .down, .enter, .enter).0,
                                                  [.reply(.sessionEnded(4, .success(Fixtures.code)))]).0))
        var wifi = Fixtures.settings
        wifi.wifi = Fixtures.wifi
        list.append(("session-qr-wifi", Fixtures.apply(Fixtures.press(Fixtures.unlocked(settings: wifi), .down, .enter, .enter).0,
                                                       [.reply(.sessionEnded(4, .success(Fixtures.code)))]).0))
        var wifiBlocks = wifi
        wifiBlocks.qrStyle = .blocks
        list.append(("session-qr-wifi-blocks", Fixtures.apply(Fixtures.press(Fixtures.unlocked(settings: wifiBlocks), .down, .enter, .enter).0,
                                                              [.reply(.sessionEnded(4, .success(Fixtures.code)))]).0))
        list.append(("attract-recent-wifi", Fixtures.model(settings: wifi, recent: Fixtures.recent)))
        var speaking = Fixtures.settings
        speaking.canSpeak = true
        list.append(("attract-speaking-arabic", Fixtures.press(Fixtures.model(settings: speaking), .left).0))
        list.append(("step2-name-speaking", Fixtures.type(Fixtures.confirmed(Fixtures.press(Fixtures.model(settings: speaking,
                                                                                                          recent: Fixtures.recent), .enter).0), "Amira")))
        let atEmail = Fixtures.press(Fixtures.type(Fixtures.atName(), "Amira"), .enter).0
        list.append(("step3-email-none", Fixtures.press(atEmail, .down).0))
        let keep = Fixtures.press(atEmail, .down, .enter).0
        list.append(("step4-consent-no-email", keep))
        var kept = Fixtures.receipt
        kept.later = LaterInfo(code: "K7M-2QX-4P", url: "http://192.168.1.20:8080/e/K7M2QX4P")
        list.append(("done-kept", Fixtures.apply(Fixtures.press(keep, .enter).0, [.reply(.claimed(.success(kept)))]).0))
        let waiting = [WaitingInfo(id: "w1", name: "Amira", sessionTitle: "Intro to Work - Day 2: Job search", code: "K7M-2QX-4P")]
        let list6 = Fixtures.apply(Fixtures.press(menu, .character("6")).0, [.reply(.waiting(.success(waiting)))]).0
        list.append(("waiting-list", list6))
        list.append(("waiting-email", Fixtures.type(Fixtures.press(list6, .enter).0, "amira@example.com")))
        let reports = Fixtures.apply(Fixtures.press(menu, .character("9")).0,
                                     [.reply(.report(.sessionsThisMonth, .success(Fixtures.report)))]).0
        list.append(("reports", reports))
        list.append(("reports-last-page", Fixtures.press(reports, .down).0))
        var polish = reports
        polish.language = .polish
        list.append(("reports-polish", polish))
        list.append(("reports-programmes-none", Fixtures.apply(Fixtures.press(reports, .right).0,
                                                               [.reply(.report(.programmes, .success(ReportFigures(
                                                                   rows: [], total: Fixtures.report.total))))]).0))

        list.append(("attract-celebrations", Fixtures.celebrating(Fixtures.model(), recent: false)))
        list.append(("attract-recent-celebrations", Fixtures.celebrating(Fixtures.model(), recent: true)))
        list.append(("attract-recent-wifi-celebrations", Fixtures.celebrating(Fixtures.model(settings: wifi), recent: true)))
        var offered = Fixtures.receipt
        offered.celebrate = "k3y"
        let asked = Fixtures.apply(sending, [.reply(.claimed(.success(offered)))]).0
        list.append(("done-celebrate", asked))
        var askedInPolish = asked
        askedInPolish.language = .polish
        list.append(("done-celebrate-polish", askedInPolish))
        var linesInUkrainian = Fixtures.celebrating(Fixtures.model(), recent: true)
        linesInUkrainian.language = .ukrainian
        list.append(("attract-recent-celebrations-ukrainian", linesInUkrainian))
        var finished = Fixtures.completingReceipt
        finished.celebrate = "k3y"
        list.append(("done-programme-celebrate", Fixtures.apply(sending, [.reply(.claimed(.success(finished))),
                                                                          .reply(.badges(.success(Fixtures.catalogue)))]).0))
        list.append(("done-celebrated", Fixtures.apply(Fixtures.press(asked, .character("y")).0, [.reply(.celebrated(nil))]).0))
        return list
    }()

    /// Outside the test target's folder, so SwiftPM does not treat the frames as sources.
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FrontGolden")
    }

    @Test(arguments: screens.map(\.0))
    func matchesTheGoldenFrame(name: String) throws {
        let model = try #require(Self.screens.first { $0.0 == name }?.1)
        for size in Self.sizes {
            let picture = Fixtures.golden(FrontView.render(model, size: size))
            let file = Self.folder.appendingPathComponent("\(name)-\(size).txt")
            if ProcessInfo.processInfo.environment["BADGEKIOSK_RECORD_GOLDEN"] == "1" {
                try (picture + "\n").write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try String(contentsOf: file, encoding: .utf8)
            #expect(picture + "\n" == golden, "\(name) at \(size) differs from \(file.lastPathComponent)")
        }
    }

    @Test func everyLearnerStepSaysWhichStepItIs() {
        for (name, model) in Self.screens where name.hasPrefix("step") {
            let top = FrontView.render(model, size: Self.sizes[0]).line(0)
            #expect(top.contains("Step \(name.dropFirst(4).prefix(1)) of 4"), "\(name)")
        }
    }

    @Test func noScreenWritesOutsideTheConsoleFontsScripts() {
        // Latin, Cyrillic, box drawing, half blocks and ASCII punctuation only (no Arabic, no emoji).
        for (name, model) in Self.screens {
            for language in Language.allCases where language.consoleSafe {
                var localized = model
                localized.language = language
                let frame = FrontView.render(localized, size: Self.sizes[0])
                let odd = frame.cells.map(\.character).filter { character in
                    !character.unicodeScalars.allSatisfy { scalar in
                        scalar.value < 0x250 || (0x400...0x4FF).contains(scalar.value) || (0x2500...0x259F).contains(scalar.value)
                    }
                }
                #expect(odd.isEmpty, "\(name) in \(language): \(odd)")
            }
        }
    }
}
