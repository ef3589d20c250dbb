import Testing
@testable import TerminalUI

@Suite struct TerminalUIModuleTests {
    @Test func moduleLinks() { #expect(String(describing: TerminalUIModule.self) == "TerminalUIModule") }
}
