import KioskCore
import Testing
import TerminalUI
@testable import KioskFront

@Suite("Volunteer mode: a PIN stored hashed is checked off the update path")
struct HashedPINTests {
    static let hash: PINHash = {
        var generator = SystemRandomNumberGenerator()
        return PINHash(pin: "2468", iterations: 100, using: &generator)
    }()

    static func pinScreen() -> FrontModel {
        var settings = Fixtures.settings
        settings.pin = nil
        settings.pinHash = hash
        return Fixtures.press(Fixtures.model(settings: settings), .function(2)).0
    }

    @Test func enterAsksForTheCheckAndTheAnswerOpensTheMenu() {
        let (waiting, effects) = Fixtures.press(Fixtures.type(Self.pinScreen(), "2468"), .enter)
        #expect(effects == [.checkPIN("2468", Self.hash)])
        // Keys wait while the check runs: a second Enter asks nothing more.
        #expect(Fixtures.press(waiting, .enter).1.isEmpty)
        let (opened, next) = Fixtures.apply(waiting, [.reply(.pinChecked(true))])
        #expect(Fixtures.volunteer(opened)?.page == .menu)
        #expect(next == [.loadSessions])
    }

    @Test func aWrongPINCountsAsATry() {
        let waiting = Fixtures.press(Fixtures.type(Self.pinScreen(), "1111"), .enter).0
        let refused = Fixtures.apply(waiting, [.reply(.pinChecked(false))]).0
        guard case .pin(let entry) = refused.screen else {
            Issue.record("left the PIN screen")
            return
        }
        #expect(entry.message == Message("front.pin.wrong", ["left": "4"]) && entry.field.isEmpty && !entry.checking)
    }

    @Test func anAnswerAfterEscOpensNothing() {
        let waiting = Fixtures.press(Fixtures.type(Self.pinScreen(), "2468"), .enter).0
        let left = Fixtures.press(waiting, .escape).0
        #expect(Fixtures.apply(left, [.reply(.pinChecked(true))]).0.screen == .attract)
    }

    @Test func theCheckItselfMatchesOnlyThePIN() {
        #expect(Self.hash.matches("2468") && !Self.hash.matches("1111"))
    }
}
