import Testing
import TerminalUI
@testable import KioskFront

/// "Well done" with the learner's first name on the first screen: Y on the done screen says yes, and
/// the lines come and go with the sessions read and the clock.
@Suite("Learner steps: the first name on the first screen")
struct CelebrationUpdateTests {
    static let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0

    static func done(celebrate key: String?) -> FrontModel {
        var receipt = Fixtures.receipt
        receipt.celebrate = key
        return Fixtures.apply(sending, [.reply(.claimed(.success(receipt)))]).0
    }

    @Test func yOnTheDoneScreenSaysYesOnceWithTheClaimsKey() {
        let asked = Self.done(celebrate: "k3y")
        #expect(Fixtures.flow(asked)?.celebrate == .offered(key: "k3y"))
        #expect(Fixtures.press(asked, .character("n")).1.isEmpty, "only Y says yes")
        let (sent, effects) = Fixtures.press(asked, .character("Y"))
        #expect(effects == [.celebrate(key: "k3y")])
        #expect(Fixtures.flow(sent)?.celebrate == .sending)
        #expect(Fixtures.press(sent, .character("y")).1.isEmpty, "a second press sends nothing more")

        let shown = Fixtures.apply(sent, [.reply(.celebrated(nil))]).0
        #expect(Fixtures.flow(shown)?.celebrate == .shown)
        let failed = Fixtures.apply(sent, [.reply(.celebrated(ServiceFailure(status: 404, code: "not_found", message: "")))]).0
        #expect(Fixtures.flow(failed)?.celebrate == .failed)
        #expect(failed.service == .up)
        #expect(Fixtures.press(shown, .enter).0.screen == .attract)
    }

    @Test func withNoKeyYDoesNothingAndTheScreenSaysHowToFinish() {
        let done = Self.done(celebrate: nil)
        #expect(Fixtures.flow(done)?.celebrate == nil)
        #expect(Fixtures.press(done, .character("y")).1.isEmpty)
        #expect(Fixtures.flow(done)?.doneLastLine == "front.done.finish")
    }

    @Test func theQuestionIsSpokenWithTheFirstNameOnly() {
        var settings = Fixtures.settings
        settings.canSpeak = true
        var asked = Self.done(celebrate: "k3y")
        asked = FrontModel(settings: settings, now: asked.now).with(screen: asked.screen)
        let said = FrontSpeech.utterance(asked)?.whole ?? ""
        #expect(said.contains("Show \"Well done, Amira!\" on this screen for 10 minutes? Press Y for yes."))
    }

    @Test func linesComeWithTheSessionsAndLeaveWhenTheirTimeIsUp() {
        let model = Fixtures.celebrating(Fixtures.model(), recent: false)
        #expect(model.celebrations.map(\.name) == ["Amira", "Bogdan", "Oleksandra"])
        #expect(model.celebrations.map(\.visibleUntil) == [1590, 1300, 1060])
        #expect(Front.nextDeadline(model) == 1060)
        let later = Fixtures.apply(model, [.tick], at: 1060).0
        #expect(later.celebrations.map(\.name) == ["Amira", "Bogdan"])
        #expect(Front.nextDeadline(later) == 1300)
        #expect(Fixtures.apply(model, [.tick], at: 1590).0.celebrations.isEmpty)
    }

    @Test func aCelebrationEventReadsTheSessionsAgain() {
        let (_, effects) = Fixtures.apply(Fixtures.model(), [.stream(.changed(.celebration))])
        #expect(effects == [.loadSessions])
    }
}

extension FrontModel {
    /// This model showing `screen`.
    func with(screen: Screen) -> FrontModel {
        var model = self
        model.service = .up
        model.screen = screen
        return model
    }
}
