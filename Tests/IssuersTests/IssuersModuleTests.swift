import Testing
@testable import Issuers

@Suite struct IssuersModuleTests {
    @Test func moduleLinks() { #expect(String(describing: IssuersModule.self) == "IssuersModule") }
}
