import Testing
import TerminalUI
@testable import KioskFront

/// The front limits wrong codes per learner, since the service does not charge its address for them.
@Suite("Wrong codes at the kiosk: a short pause per learner")
struct WrongCodeTests {
    static func atCode() -> FrontModel {
        Fixtures.type(Fixtures.press(Fixtures.model(), .enter).0, "k7m2qx")
    }

    @Test func threeWrongCodesStartAShortPauseThatSaysSo() {
        var model = Fixtures.wrongCode(Self.atCode())
        #expect(model.codeTries == TryLimit(maxWrong: 3, pauseSeconds: 30, wrong: 1))
        model = Fixtures.wrongCode(model)
        #expect(model.codeTries.isLastTry)
        #expect(FrontView.render(model, size: .standard).plainText.contains("If the next code does not work, you will need to wait a little."))
        model = Fixtures.wrongCode(model)
        let until = model.now + TryLimit.code.pauseSeconds
        #expect(model.codeTries.pausedUntil == until)
        #expect(FrontView.render(model, size: .standard).plainText.contains("That code did not work 3 times."))
        // Enter waits out the pause; the countdown redraws each second.
        let (waiting, effects) = Fixtures.press(model, .enter)
        #expect(effects.isEmpty)
        #expect(Fixtures.flow(waiting)?.busy == false)
        #expect(Front.nextDeadline(waiting) == waiting.now + 1)
        let text = FrontView.render(Fixtures.apply(model, [.tick], at: until - 9.5).0, size: .standard).plainText
        #expect(text.contains("You can try again in 10 seconds."))
        // Once it is over, the code is checked again.
        let over = Fixtures.apply(model, [.tick], at: until).0
        #expect(over.codeTries.pausedUntil == nil)
        #expect(Fixtures.press(over, .enter).1 == [.checkCode("K7M2QX")])
    }

    @Test func theNextLearnerStartsAfresh() {
        let paused = Fixtures.wrongCode(Fixtures.wrongCode(Fixtures.wrongCode(Self.atCode())))
        #expect(paused.codeTries.isPaused(at: paused.now))
        // Esc back to the first screen, or the inactivity reset: either way, the first screen clears it.
        let first = Fixtures.press(paused, .escape).0
        #expect(first.screen == .attract)
        #expect(first.codeTries == TryLimit.code)
        let next = Self.atCode()
        #expect(Fixtures.press(Fixtures.wrongCode(next), .enter).1 == [.checkCode("K7M2QX")])
    }

    @Test func onlyWrongCodesCount() {
        let unreachable = Fixtures.apply(Fixtures.press(Self.atCode(), .enter).0,
                                         [.reply(.codeChecked("K7M2QX", .failure(.unreachable)))]).0
        #expect(unreachable.codeTries == TryLimit.code)
        let expired = ServiceFailure(status: 410, code: "code_expired", message: "")
        let old = Fixtures.apply(Fixtures.press(Self.atCode(), .enter).0, [.reply(.codeChecked("K7M2QX", .failure(expired)))]).0
        #expect(old.codeTries == TryLimit.code)
        #expect(Fixtures.flow(old)?.message == Message("front.error.code_expired"))
    }

    @Test func aCodeRefusedAtTheEndKeepsWhatWasTypedAndSaysOneThing() {
        let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0
        let full = ServiceFailure(status: 410, code: "code_used_up", message: "")
        let refused = Fixtures.apply(sending, [.reply(.claimed(.failure(full)))]).0
        let flow = Fixtures.flow(refused)
        #expect(flow?.step == .code)
        #expect(flow?.message == Message("front.error.code_used_up"))
        #expect(flow?.acceptedCode == nil)
        // A new code from the volunteer, and the name and email are still there.
        let typed = Fixtures.type(refused, "P3R9ZT7KWA")
        let (checking, effects) = Fixtures.press(typed, .enter)
        #expect(effects == [.checkCode("P3R9ZT7KWA")])
        let accepted = Fixtures.apply(checking, [.reply(.codeChecked("P3R9ZT7KWA", .success(true)))]).0
        #expect(Fixtures.flow(accepted)?.step == .name)
        #expect(Fixtures.flow(accepted)?.name.text == "Amira")
        #expect(Fixtures.flow(accepted)?.email.text == "amira@example.com")
        #expect(Fixtures.flow(accepted)?.acceptedCode == "P3R9ZT7KWA")
    }

    @Test func slipCodesFitTheCodeField() {
        let model = Fixtures.type(Fixtures.press(Fixtures.model(), .enter).0, "k7m-2qx-4p9b")
        #expect(Fixtures.flow(model)?.code.text == "K7M-2QX-4P9B")
        #expect(Fixtures.press(model, .enter).1 == [.checkCode("K7M2QX4P9B")])
    }
}
