import KioskCore
import Testing
import TerminalUI
import Localization
@testable import KioskFront

@Suite("Learner steps: update")
struct LearnerUpdateTests {
    @Test func enterOnTheFirstScreenStartsAtTheCodeWhenNoSessionJustEnded() {
        let (model, effects) = Fixtures.press(Fixtures.model(), .enter)
        #expect(Fixtures.flow(model)?.step == .code)
        #expect(Fixtures.flow(model)?.stepNumber == 1)
        #expect(effects.isEmpty)
    }

    @Test func arrowsChangeTheLanguageOnTheFirstScreen() {
        var model = Fixtures.press(Fixtures.model(), .right).0
        #expect(model.language == .ukrainian)
        model = Fixtures.press(model, .right, .right).0
        #expect(model.language == .english)
        model = Fixtures.press(model, .left).0
        #expect(model.language == .polish)
        #expect(model.text("front.step", ["n": "2"]) == "Krok 2 z 4")
    }

    @Test func keysWaitWhileTheServiceIsNotUp() {
        var model = Fixtures.model()
        model.service = .connecting
        #expect(Fixtures.press(model, .enter).0.screen == .attract)
        model.service = .down
        #expect(Fixtures.press(model, .enter).0.screen == .attract)
    }

    @Test func confirmingTheSessionSkipsTheCode() {
        // The session's code is checked first: a full one is said before any name is typed.
        let (checking, effects) = Fixtures.press(Fixtures.model(recent: Fixtures.recent), .enter, .enter)
        #expect(effects == [.checkCode(Fixtures.code.token)])
        #expect(Fixtures.flow(checking)?.busy == true)
        let model = Fixtures.apply(checking, [.reply(.codeChecked(Fixtures.code.token, .success(true)))]).0
        let flow = Fixtures.flow(model)
        #expect(flow?.step == .name)
        #expect(flow?.acceptedCode == Fixtures.code.token)
        #expect(Fixtures.press(model, .escape).0.screen == .learner({
            var back = flow!
            back.step = .confirmSession
            return back
        }()))
        let full = ServiceFailure(status: 410, code: "code_used_up", message: "")
        let refused = Fixtures.apply(checking, [.reply(.codeChecked(Fixtures.code.token, .failure(full)))]).0
        #expect(Fixtures.flow(refused)?.step == .confirmSession)
        #expect(Fixtures.flow(refused)?.message == Message("front.error.code_used_up"))
        #expect(refused.codeTries == TryLimit.code)
    }

    @Test func sayingNoToTheSessionAsksForACode() {
        let model = Fixtures.press(Fixtures.model(recent: Fixtures.recent), .enter, .down, .enter).0
        #expect(Fixtures.flow(model)?.step == .code)
        #expect(Fixtures.flow(model)?.acceptedCode == nil)
        let back = Fixtures.press(model, .escape).0
        #expect(Fixtures.flow(back)?.step == .confirmSession)
    }

    @Test func theCodeFieldTakesOnlyCodeLettersAsCapitals() {
        let model = Fixtures.type(Fixtures.press(Fixtures.model(), .enter).0, "k7m 2qxO1!")
        #expect(Fixtures.flow(model)?.code.text == "K7M-2QX")
    }

    @Test func aCodeOfTheWrongShapeSaysHowToFixIt() {
        let model = Fixtures.press(Fixtures.type(Fixtures.press(Fixtures.model(), .enter).0, "K7M"), .enter)
        #expect(Fixtures.flow(model.0)?.message == Message("front.code.wrongShape"))
        #expect(model.1.isEmpty)
        let empty = Fixtures.press(Fixtures.model(), .enter, .enter).0
        #expect(Fixtures.flow(empty)?.message == Message("front.error.code_missing"))
    }

    @Test func aWellFormedCodeIsCheckedWithTheService() {
        let (model, effects) = Fixtures.press(Fixtures.type(Fixtures.press(Fixtures.model(), .enter).0, "k7m-2qx"), .enter)
        #expect(effects == [.checkCode("K7M2QX")])
        #expect(Fixtures.flow(model)?.busy == true)
        // Keys wait while it is checked.
        #expect(Fixtures.type(model, "Z") == model.withNow(model.now + 1, lastInput: model.now + 1))
        let accepted = Fixtures.apply(model, [.reply(.codeChecked("K7M2QX", .success(true)))]).0
        #expect(Fixtures.flow(accepted)?.step == .name)
        #expect(Fixtures.flow(accepted)?.acceptedCode == "K7M2QX")
        let refused = Fixtures.apply(model, [.reply(.codeChecked("K7M2QX", .failure(
            ServiceFailure(status: 404, code: "unknown_code", message: "That code did not work."))))]).0
        #expect(Fixtures.flow(refused)?.step == .code)
        #expect(Fixtures.flow(refused)?.message == Message("front.error.unknown_code"))
    }

    @Test func nameAndEmailAreCheckedWithKioskCoreRules() {
        var model = Fixtures.press(Fixtures.atName(), .enter).0
        #expect(Fixtures.flow(model)?.message == Message("front.error.name_missing"))
        model = Fixtures.press(Fixtures.type(model, "  Zoë "), .enter).0
        #expect(Fixtures.flow(model)?.step == .email)
        #expect(Fixtures.flow(model)?.cleanName == "Zoë")
        model = Fixtures.press(Fixtures.type(model, "zoe.example.com"), .enter).0
        #expect(Fixtures.flow(model)?.message == Message("front.error.email_no_at"))
        model = Fixtures.press(model, .backspace).0
        #expect(Fixtures.flow(model)?.message == nil)
        #expect(Fixtures.flow(Fixtures.press(model, .escape).0)?.step == .name)
    }

    @Test func theEmailIsShownBackWithASuggestionForATypo() {
        let model = Fixtures.atConfirmEmail("Amira@GMIAL.com")
        let flow = Fixtures.flow(model)
        #expect(flow?.step == .confirmEmail)
        #expect(flow?.cleanEmail == "amira@gmial.com")
        #expect(flow?.suggestion?.address == "amira@gmail.com")
        let used = Fixtures.press(model, .enter).0
        #expect(Fixtures.flow(used)?.step == .consent)
        #expect(Fixtures.flow(used)?.cleanEmail == "amira@gmail.com")
        let kept = Fixtures.press(model, .down, .enter).0
        #expect(Fixtures.flow(kept)?.cleanEmail == "amira@gmial.com")
        #expect(Fixtures.flow(Fixtures.press(model, .up).0)?.selection == 0, "arrows stop at the first choice")
        let change = Fixtures.press(model, .down, .down, .enter).0
        #expect(Fixtures.flow(change)?.step == .email)
        #expect(Fixtures.flow(change)?.email.text == "Amira@GMIAL.com")
    }

    @Test func consentSendsTheClaimAndNoForgetsIt() {
        let consent = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter).0
        #expect(Fixtures.flow(consent)?.suggestion == nil)
        #expect(Fixtures.flow(consent)?.step == .consent)
        let (sending, effects) = Fixtures.press(consent, .enter)
        #expect(Fixtures.flow(sending)?.step == .sending)
        #expect(effects == [.submitClaim(code: Fixtures.code.token, name: "Amira", email: "amira@example.com")])
        let (declined, none) = Fixtures.press(consent, .down, .enter)
        #expect(Fixtures.flow(declined)?.step == .declined)
        #expect(none.isEmpty)
        #expect(Fixtures.press(declined, .down, .enter).0.screen == .attract)
        // "No" is not a dead end: Back (the first choice, or Esc) asks again, with the answers kept.
        for back in [Fixtures.press(declined, .enter).0, Fixtures.press(declined, .escape).0] {
            #expect(Fixtures.flow(back)?.step == .consent)
            #expect(Fixtures.flow(back)?.cleanEmail == "amira@example.com" && Fixtures.flow(back)?.cleanName == "Amira")
        }
        #expect(Fixtures.flow(Fixtures.press(declined, .enter, .enter).0)?.step == .sending)
    }

    @Test func aCharacterNoCodeHasIsExplainedNotDropped() {
        var model = Fixtures.press(Fixtures.model(), .enter).0
        #expect(Fixtures.flow(model)?.step == .code)
        model = Fixtures.press(model, .character("K"), .character("O")).0
        #expect(Fixtures.flow(model)?.code.text == "K")
        #expect(Fixtures.flow(model)?.message == Message("front.code.notInCode", ["character": "O"]))
        model = Fixtures.press(model, .character("7")).0
        #expect(Fixtures.flow(model)?.code.text == "K7" && Fixtures.flow(model)?.message == nil)
    }

    @Test func aSpaceInAnEmailIsExplainedAndF4ClearsAField() {
        var model = Fixtures.type(Fixtures.atName(), "Amira")
        model = Fixtures.press(model, .enter).0
        model = Fixtures.press(Fixtures.type(model, "amira"), .character(" ")).0
        #expect(Fixtures.flow(model)?.email.text == "amira")
        #expect(Fixtures.flow(model)?.message == Message("front.error.email_space"))
        model = Fixtures.press(model, .function(4)).0
        #expect(Fixtures.flow(model)?.email.text == "" && Fixtures.flow(model)?.message == nil)
        model = Fixtures.press(Fixtures.type(model, "x@y.uk"), .control("u")).0
        #expect(Fixtures.flow(model)?.email.isEmpty == true)
    }

    @Test func aStoredClaimEndsInTheCelebration() {
        let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0
        #expect(Fixtures.press(sending, .escape).0 == sending.withNow(sending.now + 1, lastInput: sending.now + 1))
        let (done, effects) = Fixtures.apply(sending, [.reply(.claimed(.success(Fixtures.receipt)))])
        #expect(Fixtures.flow(done)?.step == .done)
        #expect(effects == [.loadSessions])
        let back = Fixtures.press(done, .enter).0
        #expect(back.screen == .attract)
    }

    @Test(arguments: [
        ("email_invalid", 400, LearnerFlow.Step.email), ("name_too_long", 400, .name), ("unknown_code", 404, .code),
        ("code_expired", 410, .code), ("code_used_up", 410, .code), ("too_many_attempts", 429, .code),
        ("storage_unavailable", 503, .failed(canRetry: true)),
    ] as [(String, Int, LearnerFlow.Step)])
    func aRefusedClaimGoesBackToWhatNeedsFixing(code: String, status: Int, step: LearnerFlow.Step) {
        let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0
        let failure = ServiceFailure(status: status, code: code, message: "words")
        let model = Fixtures.apply(sending, [.reply(.claimed(.failure(failure)))]).0
        #expect(Fixtures.flow(model)?.step == step)
        #expect(Fixtures.flow(model)?.message == Message("front.error.\(code)"))
    }

    @Test func anUnreachableServiceCanBeRetried() {
        let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0
        let failed = Fixtures.apply(sending, [.reply(.claimed(.failure(.unreachable)))]).0
        #expect(Fixtures.flow(failed)?.step == .failed(canRetry: true))
        #expect(failed.service == .down)
        var up = failed
        up.service = .up
        let (retry, effects) = Fixtures.press(up, .enter)
        #expect(Fixtures.flow(retry)?.step == .sending)
        #expect(effects.count == 1)
    }

    @Test func anUnknownErrorShowsTheServicesOwnWords() {
        let message = Message(ServiceFailure(status: 400, code: "brand_new", message: "Plain words."))
        #expect(Fixtures.model().text(message) == "Plain words.")
    }
}

extension FrontModel {
    /// This model as it is after a key that changed nothing else.
    func withNow(_ now: Double, lastInput: Double) -> FrontModel {
        var copy = self
        copy.now = now
        copy.lastInput = lastInput
        return copy
    }
}

@Suite("Every service refusal has the front's own words")
struct RefusalWordsTests {
    /// Every refusal a learner's or a volunteer's request can meet, from the rules and the API.
    static let serviceCodes = [
        "unknown_code", "code_expired", "code_used_up", "too_many_attempts", "too_many_claims", "code_missing",
        "name_missing", "name_too_long", "name_invalid", "email_missing", "email_too_long", "email_invalid",
        "email_space", "email_no_at", "consent_required", "title_missing", "title_too_long", "title_invalid",
        "expected_invalid", "badges_missing", "badges_too_many", "badges_repeated", "count_invalid",
        "max_claims_invalid", "storage_unavailable", "unauthorized", "not_unsure", "no_code", "not_found",
    ]

    @Test(arguments: [Language.english, .ukrainian, .polish])
    func inEveryConsoleLanguage(language: Language) {
        let catalog = Catalog(language)
        for code in Self.serviceCodes {
            let message = Message(ServiceFailure(status: 400, code: code, message: "the service's English words"))
            #expect(message.key == "front.error.\(code)" && message.literal == nil, "\(code) falls back to the service's English")
            #expect(catalog.keys.contains(message.key), "\(language) has no words for \(code)")
        }
    }
}
