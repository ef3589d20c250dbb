import Testing
@testable import IssuerSimulator

@Suite struct IssuerSimulatorModuleTests {
    @Test func moduleLinks() { #expect(String(describing: IssuerSimulatorModule.self) == "IssuerSimulatorModule") }
}
