import Testing
@testable import KioskFront

@Suite struct KioskFrontModuleTests {
    @Test func moduleLinks() { #expect(String(describing: KioskFrontModule.self) == "KioskFrontModule") }
}
