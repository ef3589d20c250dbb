import Testing
@testable import QRCode

@Suite struct QRCodeModuleTests {
    @Test func moduleLinks() { #expect(String(describing: QRCodeModule.self) == "QRCodeModule") }
}
