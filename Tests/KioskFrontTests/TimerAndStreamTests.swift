import Testing
import TerminalUI
import KioskAPI
@testable import KioskFront

@Suite("Inactivity, countdowns and live events: update")
struct TimerAndStreamTests {
    @Test func theFirstScreenHasNoDeadlineSoTheFrontCanSleep() {
        #expect(Front.nextDeadline(Fixtures.model()) == nil)
    }

    @Test func sixtyIdleSecondsAskForMoreTimeThenTwentyMoreStartAgainKeepingNothing() {
        let typing = Fixtures.type(Fixtures.atName(), "Amira")
        let due = typing.lastInput + 60
        #expect(Front.nextDeadline(typing) == due)
        let early = Fixtures.apply(typing, [.tick], at: due - 0.5).0
        #expect(Fixtures.flow(early) != nil)
        let asked = Fixtures.apply(typing, [.tick], at: due).0
        guard case .moreTime(let resume, let until) = asked.screen else {
            Issue.record("expected the more-time prompt")
            return
        }
        #expect(until == due + 20)
        #expect(resume == typing.screen)
        // The countdown redraws each whole second.
        #expect(Front.nextDeadline(asked) == due + 1)
        #expect(Front.secondsLeft(until: until, now: due + 0.4) == 20)
        #expect(Front.nextDeadline(Fixtures.apply(asked, [.tick], at: due + 1.0).0) == due + 2)
        let gone = Fixtures.apply(asked, [.tick], at: until).0
        #expect(gone.screen == .attract)
        #expect(gone.language == .english)
        let kept = Fixtures.press(asked, .character("x")).0
        #expect(kept.screen == typing.screen)
    }

    @Test func theLastScreenReturnsToTheFirstAfterThirtySeconds() {
        let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0
        #expect(Front.nextDeadline(sending) == sending.recent?.visibleUntil)
        let done = Fixtures.apply(sending, [.reply(.claimed(.success(Fixtures.receipt)))]).0
        #expect(Front.nextDeadline(done) == done.now + 30)
        #expect(Fixtures.apply(done, [.tick], at: done.now + 30).0.screen == .attract)
    }

    @Test func aRecentSessionIsOfferedForAnHourAfterItEnded() {
        var model = Fixtures.model()
        model = Fixtures.apply(model, [.reply(.sessions(.success(SessionsSnapshot(sessions: Fixtures.sessions, todayClaims: 9))))],
                               at: 2000).0
        #expect(model.todayClaims == 9)
        #expect(model.recent?.id == 3)
        #expect(model.recent?.visibleUntil == Double(2000 + 3600 - 600))
        #expect(Front.nextDeadline(model) == 5000)
        #expect(Fixtures.apply(model, [.tick], at: 5000).0.recent == nil)
        var old = Fixtures.sessions
        old[0].endedSecondsAgo = 3700
        let stale = Fixtures.apply(Fixtures.model(), [.reply(.sessions(.success(SessionsSnapshot(sessions: old, todayClaims: 0))))]).0
        #expect(stale.recent == nil)
    }

    @Test func liveEventsRefreshTheCountsAndTheStreamTellsUpFromDown() {
        var model = FrontModel(settings: Fixtures.settings, now: 0)
        #expect(model.service == .connecting)
        var effects: [FrontEffect]
        (model, effects) = Fixtures.apply(model, [.stream(.connected)])
        #expect(model.service == .up)
        #expect(effects == [.loadSessions])
        (model, effects) = Fixtures.apply(model, [.stream(.changed(.claim))])
        #expect(effects == [.loadSessions])
        (model, effects) = Fixtures.apply(model, [.stream(.disconnected)])
        #expect(model.service == .down)
        #expect(effects.isEmpty)
    }

    /// The service's address changed (a new lease): the QR code on screen is fetched again with the new link.
    @Test func aNewAddressRedrawsTheQRCodeWithTheNewLink() {
        let snapshot = { (sessions: [SessionInfo]) in FrontEvent.reply(.sessions(.success(SessionsSnapshot(sessions: sessions, todayClaims: 0)))) }
        var model = Fixtures.apply(Fixtures.model(), [snapshot(Fixtures.sessions)]).0
        model.screen = .sessionQR(3)
        let (heard, effects) = Fixtures.apply(model, [.stream(.changed(.address))])
        #expect(effects == [.loadSessions])
        var moved = Fixtures.sessions
        let token = moved[0].code?.token ?? ""
        moved[0].code?.url = "http://10.4.0.17:8080/c/" + token
        let redrawn = Fixtures.apply(heard, [snapshot(moved)]).0
        #expect(redrawn.screen == .sessionQR(3))
        #expect(redrawn.recent?.code.url == moved[0].code?.url)
    }
}
