import Foundation
import Testing
import TerminalUI
@testable import KioskFront

/// A learner with no email claims with a first name and takes the code away; a volunteer adds the
/// email later from the waiting list.
@Suite("No email yet: claim now, email later (update and view)")
struct NoEmailTests {
    static let later = LaterInfo(code: "K7M-2QX-4P", url: "http://kiosk.local/e/K7M2QX4P")
    static let waiting = [WaitingInfo(id: "w1", name: "Amira", sessionTitle: "Intro to Work - Day 2", code: "K7M-2QX-4P"),
                          WaitingInfo(id: "w2", name: "Olena", sessionTitle: "Cooking", code: "ABC-DEF-GH")]

    /// The name typed and accepted: the email step.
    static func atEmail() -> FrontModel {
        Fixtures.press(Fixtures.type(Fixtures.atName(), "Amira"), .enter).0
    }

    /// Amira claimed with no email on a kiosk with `settings`: the done screen with her later code.
    static func kept(_ settings: FrontModel.Settings) -> FrontModel {
        let atName = Fixtures.confirmed(Fixtures.press(Fixtures.model(settings: settings, recent: Fixtures.recent), .enter).0)
        let sending = Fixtures.press(Fixtures.press(Fixtures.type(atName, "Amira"), .enter).0, .down, .enter, .enter).0
        var receipt = Fixtures.receipt
        receipt.later = later
        return Fixtures.apply(sending, [.reply(.claimed(.success(receipt)))]).0
    }

    @Test func downThenEnterOnTheEmailStepClaimsWithNoEmail() {
        var model = Self.atEmail()
        #expect(Fixtures.flow(model)?.step == .email)
        #expect(FrontView.render(model, size: .standard).plainText.contains("I do not have an email address"))
        model = Fixtures.press(model, .down).0
        #expect(Fixtures.flow(model)?.selection == 1)
        model = Fixtures.press(model, .enter).0
        #expect(Fixtures.flow(model)?.step == .consent)
        #expect(Fixtures.flow(model)?.noEmail == true)
        let consent = FrontView.render(model, size: .standard).plainText
        #expect(consent.contains("Email: none yet. You can add it later."))
        #expect(consent.contains("We will keep your first name here"))
        let (sending, effects) = Fixtures.press(model, .enter)
        #expect(effects == [.submitClaim(code: Fixtures.code.token, name: "Amira", email: "")])
        var receipt = Fixtures.receipt
        receipt.later = Self.later
        let done = Fixtures.apply(sending, [.reply(.claimed(.success(receipt)))]).0
        #expect(Fixtures.flow(done)?.step == .done)
        #expect(Fixtures.flow(done)?.later == Self.later)
        let screen = FrontView.render(done, size: .standard).plainText
        #expect(screen.contains("We are keeping your badge for you"))
        #expect(screen.contains("Take a photo of it, or write it down."))
        #expect(screen.contains("go to http://kiosk.local and type this code"))
        #expect(!screen.contains("Junk or Spam"))
    }

    @Test func typingAfterChoosingNoEmailGoesBackToTheFieldAndEscFromConsentReturnsToIt() {
        var model = Fixtures.press(Self.atEmail(), .down).0
        model = Fixtures.type(model, "a")
        #expect(Fixtures.flow(model)?.selection == 0)
        #expect(Fixtures.flow(model)?.email.text == "a")
        model = Fixtures.press(Fixtures.press(model, .down).0, .enter).0
        model = Fixtures.press(model, .escape).0
        #expect(Fixtures.flow(model)?.step == .email)
        // An address after all: the usual way, and the claim carries it.
        model = Fixtures.type(Fixtures.press(model, .control("u")).0, "amira@example.com")
        model = Fixtures.press(model, .enter, .enter).0
        #expect(Fixtures.flow(model)?.noEmail == false)
        #expect(Fixtures.press(model, .enter).1 == [.submitClaim(code: Fixtures.code.token, name: "Amira", email: "amira@example.com")])
    }

    @Test func theCodeIsSpokenLetterByLetter() throws {
        var settings = Fixtures.settings
        settings.canSpeak = true
        let model = Self.kept(settings)
        let words = try #require(FrontSpeech.utterance(model))
        #expect(words.whole.contains("K 7 M 2 Q X 4 P"))
        #expect(words.whole.contains("keeping your badge"))
    }

    @Test func pPrintsTheCodeWhereTheKioskCanPrintAndSaysWhenThePrinterFails() {
        var settings = Fixtures.settings
        settings.canPrint = true
        let model = Self.kept(settings)
        #expect(FrontView.render(model, size: .standard).plainText.contains("P: Print this code"))
        let (printing, effects) = Fixtures.press(model, .character("p"))
        #expect(effects == [.printLater(Self.later, language: .english)])
        #expect(Fixtures.press(printing, .character("p")).1.isEmpty, "a second P while printing prints nothing more")
        let printed = Fixtures.apply(printing, [.reply(.laterPrinted(.sent(job: "Office-3")))]).0
        #expect(FrontView.render(printed, size: .standard).plainText.contains("Take it from the printer."))
        let failed = Fixtures.apply(printing, [.reply(.laterPrinted(.refused("out of paper")))]).0
        #expect(FrontView.render(failed, size: .standard).plainText.contains("The printer did not work."))
        // Where the kiosk cannot print, P does nothing and is not offered.
        let plain = Self.kept(Fixtures.settings)
        #expect(Fixtures.press(plain, .character("p")).1.isEmpty)
        #expect(!FrontView.render(plain, size: .standard).plainText.contains("P: Print this code"))
    }

    @Test func aVolunteerPicksAWaitingClaimAndAddsTheEmail() {
        var (model, effects) = Fixtures.press(Fixtures.unlocked(), .character("6"))
        #expect(effects == [.loadWaiting])
        #expect(Fixtures.volunteer(model)?.page == .waiting(nil))
        model = Fixtures.apply(model, [.reply(.waiting(.success(Self.waiting)))]).0
        let list = FrontView.render(model, size: .standard).plainText
        #expect(list.contains("Amira  -  Intro to Work - Day 2  -  K7M-2QX-4P"))
        #expect(list.contains("Olena"))
        model = Fixtures.press(model, .down, .enter).0
        #expect(Fixtures.volunteer(model)?.page == .waitingEmail(Self.waiting[1]))
        #expect(FrontView.render(model, size: .standard).plainText.contains("Type the email address for Olena"))
        (model, effects) = Fixtures.press(Fixtures.type(model, "olena.example.com"), .enter)
        #expect(effects.isEmpty)
        #expect(Fixtures.volunteer(model)?.message?.key == "front.error.email_no_at")
        model = Fixtures.type(Fixtures.press(model, .control("u")).0, "Olena@Example.com")
        (model, effects) = Fixtures.press(model, .enter)
        #expect(effects == [.addLaterEmail(Self.waiting[1], email: "olena@example.com")])
        #expect(Fixtures.volunteer(model)?.busy == true)
        let added = Fixtures.apply(model, [.reply(.laterEmailAdded(Self.waiting[1], email: "olena@example.com",
                                                                   .success(LaterAdded(alreadyClaimed: false))))])
        #expect(added.1 == [.loadWaiting])
        #expect(Fixtures.volunteer(added.0)?.message == .news("front.waiting.added", ["name": "Olena", "email": "olena@example.com"]))
        let folded = Fixtures.apply(model, [.reply(.laterEmailAdded(Self.waiting[1], email: "olena@example.com",
                                                                    .success(LaterAdded(alreadyClaimed: true))))]).0
        #expect(Fixtures.volunteer(folded)?.message == .news("front.waiting.already"))
        let refused = Fixtures.apply(model, [.reply(.laterEmailAdded(Self.waiting[1], email: "olena@example.com",
            .failure(ServiceFailure(status: 404, code: "unknown_code", message: "That code did not work."))))]).0
        #expect(Fixtures.volunteer(refused)?.page == .waitingEmail(Self.waiting[1]))
        #expect(Fixtures.volunteer(refused)?.message != nil)
    }

    @Test func theOutboxCountsBadgesKeptForALaterEmailAndNeverSaysAllSentMeanwhile() {
        let info = OutboxInfo(queued: 0, sending: 0, sent: 5, failed: 0, lastError: nil, waitingForEmail: 2)
        let model = Fixtures.apply(Fixtures.press(Fixtures.unlocked(), .character("5")).0, [.reply(.outbox(.success(info)))]).0
        let screen = FrontView.render(model, size: .standard).plainText
        #expect(screen.contains("2 badges are kept for learners with no email yet. Menu 6 adds an email."))
        #expect(!screen.contains("All badges have been sent."))
    }

    @Test func anEmptyWaitingListSaysSo() {
        let model = Fixtures.apply(Fixtures.press(Fixtures.unlocked(), .character("6")).0, [.reply(.waiting(.success([])))]).0
        #expect(FrontView.render(model, size: .standard).plainText.contains("No claims are waiting for an email."))
        #expect(Fixtures.volunteer(Fixtures.press(model, .enter).0)?.page == .waiting([]))
        #expect(Fixtures.volunteer(Fixtures.press(model, .escape).0)?.page == .menu)
    }
}
