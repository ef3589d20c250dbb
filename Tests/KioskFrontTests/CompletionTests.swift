import Testing
import TerminalUI
@testable import KioskFront

/// A claim that finishes a programme: the celebration names the programme's completion badge.
@Suite("Learner steps: a finished programme")
struct CompletionTests {
    static let sending = Fixtures.press(Fixtures.atConfirmEmail("amira@example.com"), .enter, .enter).0
    static let line = "You finished a whole course! You get the \"Intro to Work - All four days\" badge too."

    @Test func aClaimThatFinishesAProgrammeFetchesTheCatalogueThenNamesTheBadge() {
        let (done, effects) = Fixtures.apply(Self.sending, [.reply(.claimed(.success(Fixtures.completingReceipt)))])
        #expect(Fixtures.flow(done)?.step == .done)
        #expect(Fixtures.flow(done)?.completionIDs == ["all"])
        #expect(Fixtures.flow(done)?.completions == [])
        #expect(effects == [.loadSessions, .loadBadges])

        let (named, more) = Fixtures.apply(done, [.reply(.badges(.success(Fixtures.catalogue)))])
        #expect(Fixtures.flow(named)?.completions == ["Intro to Work - All four days"])
        #expect(Fixtures.flow(named)?.completionIDs == [])
        #expect(Fixtures.flow(named)?.step == .done)
        #expect(more.isEmpty)
        #expect(Fixtures.press(named, .enter).0.screen == .attract)
    }

    @Test func aClaimOfTheSessionsOwnBadgesNamesNothingAndFetchesNothing() {
        let (done, effects) = Fixtures.apply(Self.sending, [.reply(.claimed(.success(Fixtures.receipt)))])
        #expect(effects == [.loadSessions])
        #expect(Fixtures.flow(done)?.completionIDs == [])
        let after = Fixtures.apply(done, [.reply(.badges(.success(Fixtures.catalogue)))]).0
        #expect(Fixtures.flow(after)?.completions == [])
    }

    @Test func aSessionTheFrontHasNotLoadedCannotBeToldApart() {
        let receipt = ClaimReceipt(id: "c1", sessionID: 99, badgeIDs: ["d9", "all"])
        let (done, effects) = Fixtures.apply(Self.sending, [.reply(.claimed(.success(receipt)))])
        #expect(effects == [.loadSessions])
        #expect(Fixtures.flow(done)?.completionIDs == [])
    }

    @Test func aBadgeMissingFromTheCatalogueOrACatalogueThatFailedShowsNoId() {
        let done = Fixtures.apply(Self.sending, [.reply(.claimed(.success(Fixtures.completingReceipt)))]).0
        let missing = Fixtures.apply(done, [.reply(.badges(.success([Fixtures.catalogue[0]])))]).0
        #expect(Fixtures.flow(missing)?.completions == [])
        #expect(Fixtures.flow(missing)?.completionIDs == [])
        let failure = ServiceFailure(status: 503, code: "storage_unavailable", message: "")
        let failed = Fixtures.apply(done, [.reply(.badges(.failure(failure)))]).0
        #expect(Fixtures.flow(failed)?.completions == [])
        #expect(Fixtures.flow(failed)?.step == .done)
    }

    @Test func aCatalogueArrivingAfterTheLearnerLeftChangesNothing() {
        let done = Fixtures.apply(Self.sending, [.reply(.claimed(.success(Fixtures.completingReceipt)))]).0
        let left = Fixtures.press(done, .enter).0
        #expect(left.screen == .attract)
        let (after, effects) = Fixtures.apply(left, [.reply(.badges(.success(Fixtures.catalogue)))])
        #expect(after.screen == .attract)
        #expect(effects.isEmpty)
    }

    @Test func theCelebrationSaysSoInOneMoreCentredLine() throws {
        let done = Fixtures.apply(Self.sending, [.reply(.claimed(.success(Fixtures.completingReceipt)))]).0
        let waiting = FrontView.render(done, size: .standard).plainText
        #expect(!waiting.contains("whole course"), "nothing to say until the name is known")

        let named = Fixtures.apply(done, [.reply(.badges(.success(Fixtures.catalogue)))]).0
        let frame = FrontView.render(named, size: TerminalSize(columns: 120, rows: 33))
        let row = try #require((0..<frame.height).first { frame.line($0).contains(Self.line) })
        let text = frame.line(row)
        let left = text.prefix { $0 == " " }.count
        let right = text.reversed().prefix { $0 == " " }.count
        #expect(abs(left - right) <= 1, "centred: \(left) spaces before, \(right) after")
        #expect(frame.line(row - 2).contains("Well done, Amira! We are sending your badge now."))
        #expect(frame.line(row + 2).contains("Look for an email from Open Badge Factory."))
        #expect(!frame.plainText.contains("\"all\""))

        var ukrainian = named
        ukrainian.language = .ukrainian
        #expect(FrontView.render(ukrainian, size: TerminalSize(columns: 120, rows: 33)).plainText
            .contains("Ви пройшли весь курс! Ваш значок «Intro to Work - All four days» теж уже в дорозі."))
    }
}
