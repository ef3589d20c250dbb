import Foundation
import Localization
import Testing
import TerminalUI
@testable import KioskFront

/// What the kiosk says, as values: F1, each screen as it opens, the inactivity warning, Arabic heard
/// while the screen stays English.
@Suite("Spoken prompts")
struct FrontSpeechTests {
    static func speaking(screens: Bool = true) -> FrontModel.Settings {
        var settings = Fixtures.settings
        settings.canSpeak = true
        settings.speakScreens = screens
        return settings
    }

    /// The name step on a kiosk that can speak but does not read each screen.
    static func atName() -> FrontModel {
        Fixtures.confirmed(Fixtures.press(Fixtures.model(settings: speaking(screens: false), recent: Fixtures.recent), .enter).0)
    }

    static func spoken(_ effects: [FrontEffect]) -> [String] {
        effects.compactMap { if case .speak(let text, _) = $0 { text } else { nil } }
    }

    @Test func f1SaysTheWholeScreenAndChangesNothingTyped() {
        let model = Fixtures.type(Self.atName(), "Am")
        let (after, effects) = Fixtures.press(model, .function(1))
        #expect(effects == [.speak("What is your first name? It goes on your badge.", .english)])
        #expect(Fixtures.flow(after)?.name.text == "Am")
    }

    @Test func withSpeakScreensEachScreenIsSaidAsItOpensButNotAsLettersAreTyped() {
        var model = Fixtures.model(settings: Self.speaking(), recent: Fixtures.recent)
        var effects: [FrontEffect]
        (model, effects) = Fixtures.press(model, .enter)
        #expect(Self.spoken(effects) == ["Were you at this session? Yes, I was"])
        // Down moves the highlight: only the newly highlighted answer is said.
        (model, effects) = Fixtures.press(model, .down)
        #expect(Self.spoken(effects) == ["No, I have a different code"])
        model = Fixtures.confirmed(Fixtures.press(model, .up).0)
        #expect(Fixtures.flow(model)?.step == .name)
        (model, effects) = Fixtures.press(model, .character("Z"))
        #expect(effects.isEmpty)
        // An error is news: it is said with the question.
        (model, effects) = Fixtures.press(Fixtures.press(model, .backspace).0, .enter)
        #expect(Self.spoken(effects).first?.hasSuffix("Please type your first name.") == true)
    }

    @Test func withoutTheSettingOnlyF1Speaks() {
        let (_, effects) = Fixtures.press(Fixtures.model(settings: Self.speaking(screens: false), recent: Fixtures.recent), .enter)
        #expect(Self.spoken(effects).isEmpty)
    }

    @Test func theInactivityWarningRingsAndSpeaksOnceEvenWithTheSettingOff() {
        let model = Self.atName()
        let (warned, effects) = Fixtures.apply(model, [.tick], at: model.lastInput + 61)
        guard case .moreTime = warned.screen else {
            Issue.record("no more-time screen")
            return
        }
        #expect(effects == [.bell, .speak("Do you need more time? Starting again in 20 seconds. Press any key to go on.", .english)])
        #expect(Fixtures.apply(warned, [.tick], at: model.lastInput + 65).1.isEmpty)
    }

    @Test func leavingTheLearnersScreensStopsSpeech() {
        let (_, effects) = Fixtures.press(Self.atName(), .function(2))
        #expect(effects == [.hush])
    }

    @Test func withoutEspeakTheWarningStillRingsAndNothingIsSaid() {
        let model = Fixtures.atName()
        #expect(Fixtures.press(model, .function(1)).1.isEmpty)
        let (warned, effects) = Fixtures.apply(model, [.tick], at: model.lastInput + 61)
        #expect(warned.screen.isLearnerWarning)
        #expect(effects == [.bell])
    }

    @Test func arabicIsOfferedWhereTheKioskCanSpeakAndHeardWhileTheScreenStaysEnglish() {
        var model = Fixtures.model(settings: Self.speaking())
        #expect(Front.attractLanguages(model) == [.english, .ukrainian, .polish, .arabic])
        #expect(Front.attractLanguages(Fixtures.model()) == [.english, .ukrainian, .polish])
        var effects: [FrontEffect]
        (model, effects) = Fixtures.press(model, .left)
        #expect(model.language == .arabic)
        #expect(effects == [.speak("احصل على شارتك هنا. اضغط على مفتاح الإدخال للبدء. اضغط على المفتاح F1 لتسمع هذا مرة أخرى. العربية",
                                   .arabic)])
        let screen = FrontView.render(model, size: .standard).plainText
        #expect(screen.contains("Arabic (spoken)"))
        #expect(screen.contains("F1: Listen"))
        #expect(!screen.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "no Arabic letters on the console")
        (model, effects) = Fixtures.press(model, .enter)
        #expect(Self.spoken(effects) == ["ما هو رمزك؟ فيه ستة أو عشرة أحرف وأرقام. الشخص الذي علّمك يعطيك إياه."])
        #expect(FrontView.render(model, size: .standard).plainText.contains("What is your code?"))
    }

    @Test(arguments: Language.allCases)
    func everyLearnerStepHasWordsInEveryLanguage(language: Language) throws {
        var model = Fixtures.atName()
        model.language = language
        let english = try #require(FrontSpeech.utterance(Fixtures.atName()))
        let words = try #require(FrontSpeech.utterance(model))
        #expect(!words.screen.isEmpty)
        #expect(words.language == language)
        #expect((words.screen == english.screen) == (language == .english))
    }
}

/// espeak-ng's own rendering of the prompts to WAV files, measured with sox: not silent, of a
/// sensible length, in each of the four languages.
@Suite("Spoken prompts through espeak-ng")
struct SpeechAudioTests {
    static let available = ExternalTool.find("espeak-ng") != nil && ExternalTool.find("sox") != nil

    /// sox's `stat` figure `name` ("Length (seconds)", "RMS     amplitude") for `wav`.
    static func stat(_ wav: String, _ name: String) throws -> Double? {
        let sox = try #require(ExternalTool.find("sox"))
        let said = try sox.run([wav, "-n", "stat"]).error
        let line = said.split(separator: "\n").first { $0.hasPrefix(name) }
        return line.flatMap { Double($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
    }

    @Test(.enabled(if: available, "needs espeak-ng and sox"), arguments: Language.allCases)
    func eachLanguagesPromptsAreAudibleAndOfSensibleLength(language: Language) throws {
        var model = Fixtures.atName()
        model.language = language
        let espeak = try #require(ExternalTool.find("espeak-ng"))
        let folder = NSTemporaryDirectory() + "badgekiosk-speech-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first = Fixtures.model()
        first.language = language
        for (name, screen) in [("attract", first), ("name", model)] {
            let words = try #require(FrontSpeech.utterance(screen))
            let wav = "\(folder)/\(name).wav"
            let outcome = try espeak.run(Speaker.arguments(words.whole, language, wav: wav))
            #expect(outcome.status == 0, "\(outcome.error)")
            let seconds = try #require(try Self.stat(wav, "Length (seconds)"))
            let loudness = try #require(try Self.stat(wav, "RMS     amplitude"))
            #expect((1.5...30).contains(seconds), "\(language) \(name): \(seconds) s")
            #expect(loudness > 0.02, "\(language) \(name): RMS \(loudness)")
        }
    }
}
