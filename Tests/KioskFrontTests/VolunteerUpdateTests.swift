import Testing
import TerminalUI
import KioskAPI
@testable import KioskFront

@Suite("Volunteer mode: update")
struct VolunteerUpdateTests {
    @Test func f2OpensThePinScreenFromAnyScreen() {
        let midClaim = Fixtures.type(Fixtures.atName(), "Amira")
        for model in [Fixtures.model(), midClaim] {
            let pin = Fixtures.press(model, .function(2)).0
            #expect(pin.screen == .pin(PinEntry()))
            // Esc leaves it, and what the learner typed is gone.
            #expect(Fixtures.press(pin, .escape).0.screen == .attract)
        }
    }

    @Test func theRightPinOpensTheMenu() {
        let (model, effects) = Fixtures.press(Fixtures.type(Fixtures.press(Fixtures.model(), .function(2)).0, "1234"), .enter)
        #expect(Fixtures.volunteer(model)?.page == .menu)
        #expect(effects == [.loadSessions])
    }

    @Test func fiveWrongPinsLockForFiveMinutes() {
        var model = Fixtures.press(Fixtures.model(), .function(2)).0
        for attempt in 1...4 {
            model = Fixtures.press(Fixtures.type(model, "9999"), .enter).0
            guard case .pin(let entry) = model.screen else {
            Issue.record("left the PIN screen")
            return
        }
            #expect(entry.message == Message("front.pin.wrong", ["left": String(5 - attempt)]))
            #expect(entry.field.isEmpty)
        }
        model = Fixtures.press(Fixtures.type(model, "9999"), .enter).0
        let lockedUntil = model.now + 300
        #expect(model.pinGuard.pausedUntil == lockedUntil)
        // Even the right PIN does nothing while locked.
        let tried = Fixtures.press(Fixtures.type(model, "1234"), .enter).0
        #expect(Fixtures.volunteer(tried) == nil)
        #expect(Front.nextDeadline(tried) == tried.now + 1)
        let later = Fixtures.apply(Fixtures.press(tried, .escape).0, [.tick], at: lockedUntil).0
        #expect(later.pinGuard.pausedUntil == nil)
        let opened = Fixtures.press(Fixtures.type(Fixtures.press(later, .function(2)).0, "1234"), .enter).0
        #expect(Fixtures.volunteer(opened)?.page == .menu)
    }

    @Test func withNoPinSetVolunteerModeCannotOpen() {
        var settings = Fixtures.settings
        settings.pin = nil
        let model = Fixtures.press(Fixtures.type(Fixtures.press(Fixtures.model(settings: settings), .function(2)).0, "1234"), .enter).0
        #expect(Fixtures.volunteer(model) == nil)
    }

    @Test func startingASessionAsksTitleBadgesAndNumber() {
        var model = Fixtures.press(Fixtures.unlocked(), .enter).0
        #expect(Fixtures.volunteer(model)?.page == .title)
        var effects: [FrontEffect]
        (model, effects) = Fixtures.press(Fixtures.type(model, "Intro to Work - Day 3"), .enter)
        #expect(Fixtures.volunteer(model)?.page == .badges)
        #expect(effects == [.loadBadges])
        model = Fixtures.apply(model, [.reply(.badges(.success([BadgeInfo(id: "d1", name: "Day 1"), BadgeInfo(id: "d3", name: "Day 3")])))]).0
        model = Fixtures.press(model, .enter).0
        #expect(Fixtures.volunteer(model)?.message == Message("front.error.badges_missing"))
        model = Fixtures.press(model, .down, .character(" "), .enter).0
        #expect(Fixtures.volunteer(model)?.draftBadges == ["d3"])
        #expect(Fixtures.volunteer(model)?.page == .expected)
        model = Fixtures.press(Fixtures.type(model, "0"), .enter).0
        #expect(Fixtures.volunteer(model)?.message == Message("front.error.expected_invalid"))
        (model, effects) = Fixtures.press(Fixtures.type(Fixtures.press(model, .backspace).0, "12"), .enter)
        #expect(effects == [.startSession(title: "Intro to Work - Day 3", badges: ["d3"], expected: 12)])
        (model, effects) = Fixtures.apply(model, [.reply(.sessionStarted(.success(5)))])
        #expect(Fixtures.volunteer(model)?.page == .menu)
        #expect(Fixtures.volunteer(model)?.message == .news("front.start.done", ["title": "Intro to Work - Day 3"]))
        #expect(effects == [.loadSessions])
    }

    @Test func endingASessionShowsItsQRCodeFullScreen() {
        var (model, effects) = Fixtures.press(Fixtures.unlocked(), .down, .enter)
        #expect(Fixtures.volunteer(model)?.page == .pickSession(.end))
        #expect(effects == [.loadSessions])
        (model, effects) = Fixtures.press(model, .enter)
        #expect(effects == [.endSession(4)])
        (model, effects) = Fixtures.apply(model, [.reply(.sessionEnded(4, .success(Fixtures.code)))])
        #expect(model.screen == .sessionQR(4))
        #expect(model.recent?.code == Fixtures.code)
        #expect(model.recent?.expected == 10)
        #expect(Front.nextDeadline(model) == model.now + 3600)
        // A learner at the QR screen can claim here; Esc shows the first screen.
        #expect(Fixtures.flow(Fixtures.press(model, .enter).0)?.step == .confirmSession)
        #expect(Fixtures.press(model, .escape).0.screen == .attract)
    }

    @Test func slipCodesAreMadeForAPickedSession() {
        var (model, effects) = Fixtures.press(Fixtures.unlocked(), .character("3"))
        #expect(Fixtures.volunteer(model)?.page == .pickSession(.slips))
        model = Fixtures.press(model, .down, .enter).0
        guard case .slipCount(let session) = Fixtures.volunteer(model)?.page else {
            Issue.record("no slip count page")
            return
        }
        #expect(session.id == 3)
        (model, effects) = Fixtures.press(Fixtures.type(model, "20"), .enter)
        #expect(effects.isEmpty)
        #expect(Fixtures.volunteer(model)?.page == .slipLanguage(session, count: 20))
        // The words' language starts at the kiosk's own, and Esc goes back to the count.
        #expect(Fixtures.volunteer(model)?.selection == 0)
        #expect(Fixtures.volunteer(Fixtures.press(model, .escape).0)?.page == .slipCount(session))
        (model, effects) = Fixtures.press(model, .down, .enter)
        #expect(effects == [.makeSlips(session: 3, count: 20, title: session.title, language: .ukrainian)])
        let batch = SlipBatch(codes: [Fixtures.code], savedTo: "/tmp/slips/slips-3-K7M-2QX.pdf", saveError: nil)
        model = Fixtures.apply(model, [.reply(.slips(.success(batch)))]).0
        #expect(Fixtures.volunteer(model)?.page == .slips(batch))
        #expect(Fixtures.volunteer(Fixtures.press(model, .enter).0)?.page == .menu)
    }

    @Test func aSavedSheetOfSlipsIsPrintedWithPAndTheOutcomeShown() {
        let batch = SlipBatch(codes: [Fixtures.code], savedTo: "/tmp/slips/slips-3-K7M-2QX.pdf", saveError: nil)
        var model = Fixtures.unlocked()
        model.screen = .volunteer(VolunteerState(page: .slips(batch)))
        let (printing, effects) = Fixtures.press(model, .character("p"))
        #expect(effects == [.printSlips(path: "/tmp/slips/slips-3-K7M-2QX.pdf")])
        #expect(Fixtures.volunteer(printing)?.busy == true)
        let sent = Fixtures.apply(printing, [.reply(.printed(.sent(job: "Office-12")))]).0
        #expect(Fixtures.volunteer(sent)?.message == .news("front.slips.printed", ["job": "Office-12"]))
        #expect(Fixtures.volunteer(sent)?.busy == false)
        let none = Fixtures.apply(printing, [.reply(.printed(.noPrinting))]).0
        #expect(Fixtures.volunteer(none)?.message == Message("front.slips.noPrinting"))
        let refused = Fixtures.apply(printing, [.reply(.printed(.refused("Error - No default destination.")))]).0
        #expect(Fixtures.volunteer(refused)?.message == Message("front.slips.printFailed", ["reason": "Error - No default destination."]))
        // A sheet that could not be saved cannot be printed.
        model.screen = .volunteer(VolunteerState(page: .slips(SlipBatch(codes: [Fixtures.code], savedTo: nil, saveError: "no font"))))
        #expect(Fixtures.press(model, .character("p")).1.isEmpty)
    }

    @Test func aVolunteerLetsMorePeopleUseACode() {
        var (model, effects) = Fixtures.press(Fixtures.unlocked(), .character("4"))
        #expect(effects == [.loadSessions])
        #expect(Fixtures.volunteer(model)?.page == .pickSession(.limit))
        // Only sessions with a code (ended ones) can be picked.
        #expect(Front.pickable(Fixtures.sessions, for: .limit).map(\.id) == [3])
        model = Fixtures.press(model, .enter).0
        #expect(Fixtures.volunteer(model)?.page == .limit(Fixtures.sessions[0]))
        // Fewer places than are already used is refused before asking the service.
        let low = Fixtures.press(Fixtures.type(model, "5"), .enter)
        #expect(low.1.isEmpty)
        #expect(Fixtures.volunteer(low.0)?.message == Message("front.limit.invalid", ["least": "7", "most": "10000"]))
        (model, effects) = Fixtures.press(Fixtures.type(model, "20"), .enter)
        #expect(effects == [.setLimit(session: 3, maxClaims: 20)])
        #expect(Fixtures.volunteer(model)?.busy == true)
        var raised = Fixtures.code
        raised.maxClaims = 20
        let done = Fixtures.apply(model, [.reply(.limitSet(.success(raised)))])
        #expect(done.1 == [.loadSessions])
        #expect(Fixtures.volunteer(done.0)?.page == .menu)
        #expect(Fixtures.volunteer(done.0)?.message == .news("front.limit.done", ["count": "20", "title": Fixtures.sessions[0].title]))
        let refused = Fixtures.apply(model, [.reply(.limitSet(.failure(ServiceFailure(status: 409, code: "no_code", message: ""))))]).0
        #expect(Fixtures.volunteer(refused)?.message == Message("front.error.no_code"))
    }

    @Test func outboxAndSyncAnswerInPlainWords() {
        var (model, effects) = Fixtures.press(Fixtures.unlocked(), .character("5"))
        #expect(effects == [.loadOutbox])
        let info = OutboxInfo(queued: 12, sending: 0, sent: 30, failed: 0, lastError: "connect: Network is unreachable")
        model = Fixtures.apply(model, [.reply(.outbox(.success(info)))]).0
        #expect(Fixtures.volunteer(model)?.page == .outbox(info))
        #expect(Fixtures.apply(model, [.stream(.changed(.outbox))]).1 == [.loadSessions, .loadOutbox])
        #expect(FrontView.looksOffline(info.lastError!))
        (model, effects) = Fixtures.press(Fixtures.press(model, .escape).0, .character("7"))
        #expect(effects == [.syncBadges])
        let missing = Fixtures.apply(model, [.reply(.synced(.success(nil)))]).0
        #expect(Fixtures.volunteer(missing)?.message == Message("front.sync.unavailable"))
        let synced = Fixtures.apply(model, [.reply(.synced(.success(14)))]).0
        #expect(Fixtures.volunteer(synced)?.page == .sync(count: 14))
    }

    @Test func lockAndQuit() {
        #expect(Fixtures.press(Fixtures.unlocked(), .character("8")).0.screen == .attract)
        #expect(Fixtures.press(Fixtures.unlocked(), .escape).0.screen == .attract)
        // Learners can never quit: without allowQuit the ninth entry is Reports, and nothing quits.
        let ninth = Fixtures.press(Fixtures.unlocked(), .character("9"))
        #expect(ninth.1 == [.loadReport(.sessionsThisMonth)])
        #expect(!VolunteerState.actions(allowQuit: false).contains(.quit))
        // Quit asks first, with No highlighted: a stray Enter goes back to the menu.
        let asked = Fixtures.press(Fixtures.unlocked(allowQuit: true), .character("9"))
        #expect(asked.1.isEmpty)
        #expect(Fixtures.volunteer(asked.0)?.page == .confirmQuit)
        let stayed = Fixtures.press(asked.0, .enter)
        #expect(stayed.1.isEmpty && Fixtures.volunteer(stayed.0)?.page == .menu)
        #expect(Fixtures.press(asked.0, .escape).1.isEmpty)
        #expect(Fixtures.press(Fixtures.press(asked.0, .up).0, .enter).1 == [.quit])
    }

    @Test func upFromTheFirstMenuEntryStaysThere() {
        let model = Fixtures.press(Fixtures.unlocked(allowQuit: true), .up).0
        #expect(Fixtures.volunteer(model)?.selection == 0)
        let bottom = (0..<12).reduce(model) { next, _ in Fixtures.press(next, .down).0 }
        #expect(Fixtures.volunteer(bottom)?.selection == VolunteerState.actions(allowQuit: true).count - 1)
        // The last entry is Reports (added after Quit, so the numbers stay); Enter there never quits.
        #expect(Fixtures.press(bottom, .enter).1 == [.loadReport(.sessionsThisMonth)])
        let quit = (0..<8).reduce(model) { next, _ in Fixtures.press(next, .down).0 }
        #expect(Fixtures.press(quit, .enter).1.isEmpty, "Enter on Quit asks first")
    }

    @Test func noLearnerKeyLeavesTheFront() {
        var model = Fixtures.model(recent: Fixtures.recent)
        let keys: [Key] = [.escape, .control("c"), .control("z"), .control("d"), .control("\\"), .function(4), .function(10),
                           .enter, .character("q"), .escape, .escape, .escape]
        for key in keys {
            let (next, effects) = Fixtures.press(model, key)
            #expect(!effects.contains(.quit))
            model = next
        }
    }

    @Test func volunteerModeAsksForMoreTimeAfterThreeIdleMinutes() {
        let model = Fixtures.unlocked()
        #expect(Front.nextDeadline(model) == model.lastInput + 180)
        let asked = Fixtures.apply(model, [.tick], at: model.lastInput + 180).0
        guard case .moreTime = asked.screen else {
            Issue.record("expected the prompt")
            return
        }
        #expect(Fixtures.apply(asked, [.tick], at: model.lastInput + 200).0.screen == .attract)
    }
}

@Suite("Volunteer mode: awards to check at the issuer")
struct UnsureUpdateTests {
    /// The outbox page with `Fixtures.unsureOutbox` loaded.
    static func outbox() -> FrontModel {
        Fixtures.apply(Fixtures.press(Fixtures.unlocked(settings: Fixtures.navigatr), .character("5")).0,
                       [.reply(.outbox(.success(Fixtures.unsureOutbox)))]).0
    }

    @Test func theOutboxListsThemAndNeverSaysAllSent() {
        let model = Self.outbox()
        #expect(Fixtures.volunteer(model)?.page == .outbox(Fixtures.unsureOutbox))
        let frame = Fixtures.picture(FrontView.render(model, size: TerminalSize(columns: 80, rows: 25)))
        #expect(frame.contains("2 badges may not have reached Navigatr. Please check each one:"))
        #expect(frame.contains("Intro to Work - Day 2 - sam.okafor@example.com"))
        #expect(!frame.contains("All badges have been sent."))
        // Enter no longer leaves: it opens the highlighted award. Esc still goes back to the menu.
        #expect(Fixtures.volunteer(Fixtures.press(model, .enter).0)?.page == .unsureCheck(Fixtures.unsureOutbox.unsure[0]))
        #expect(Fixtures.volunteer(Fixtures.press(model, .escape).0)?.page == .menu)
    }

    @Test func arrivedMarksItSentAndTheOutboxReloads() {
        var (model, effects) = Fixtures.press(Self.outbox(), .down, .enter)
        let second = Fixtures.unsureOutbox.unsure[1]
        #expect(Fixtures.volunteer(model)?.page == .unsureCheck(second))
        #expect(effects.isEmpty)
        (model, effects) = Fixtures.press(model, .enter)
        #expect(effects == [.settleUnsure(second.id, .arrived)])
        #expect(Fixtures.volunteer(model)?.busy == true)
        (model, effects) = Fixtures.apply(model, [.reply(.settled(.arrived, .success(second.id)))])
        #expect(effects == [.loadOutbox])
        #expect(Fixtures.volunteer(model)?.page == .outbox(nil))
        #expect(Fixtures.volunteer(model)?.message == .news("front.unsure.arrived"))
    }

    @Test func sendAgainIsTheSecondChoice() {
        var (model, effects) = Fixtures.press(Self.outbox(), .enter, .down, .enter)
        #expect(effects == [.settleUnsure(12, .resend)])
        (model, effects) = Fixtures.apply(model, [.reply(.settled(.resend, .success(12)))])
        #expect(effects == [.loadOutbox])
        #expect(Fixtures.volunteer(model)?.message == .news("front.unsure.resent"))
    }

    @Test func escGoesBackAndARefusalIsShown() {
        let check = Fixtures.press(Self.outbox(), .enter).0
        let (back, effects) = Fixtures.press(check, .escape)
        #expect(Fixtures.volunteer(back)?.page == .outbox(nil))
        #expect(effects == [.loadOutbox])
        let busy = Fixtures.press(check, .enter).0
        let taken = ServiceFailure(status: 409, code: "not_unsure", message: "This award is not waiting for a check: it is sent.")
        let refused = Fixtures.apply(busy, [.reply(.settled(.arrived, .failure(taken)))]).0
        #expect(Fixtures.volunteer(refused)?.page == .unsureCheck(Fixtures.unsureOutbox.unsure[0]))
        #expect(Fixtures.volunteer(refused)?.busy == false)
        #expect(Fixtures.volunteer(refused)?.message == Message("front.error.not_unsure"))
        // A late answer after the volunteer left the page changes nothing.
        let left = Fixtures.press(busy, .escape).0
        #expect(Fixtures.apply(left, [.reply(.settled(.arrived, .success(12)))]).1.isEmpty)
    }

    @Test func aFreshListKeepsTheHighlightInRange() {
        let model = Fixtures.press(Self.outbox(), .down).0
        var shorter = Fixtures.unsureOutbox
        shorter.unsure.removeLast()
        shorter.unsureCount = 1
        let reloaded = Fixtures.apply(model, [.reply(.outbox(.success(shorter)))]).0
        #expect(Fixtures.volunteer(reloaded)?.selection == 0)
        let frame = Fixtures.picture(FrontView.render(reloaded, size: TerminalSize(columns: 80, rows: 25)))
        #expect(frame.contains("1 badge may not have reached Navigatr. Please check it:"))
    }
}
