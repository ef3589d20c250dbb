import Foundation
import Testing
@testable import KioskCore

@Suite("SHA-256, HMAC and the claimer key")
struct HashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesFIPSVectors(message: String, digest: String) {
        #expect(hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func hmacMatchesRFC4231() {
        let mac = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(hex(SHA256.hmac(key: key, message: Array("Hi There".utf8)))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        let long = SHA256.hmac(key: longKey, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(hex(long) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func claimerKeyIsTheHMACOfTheCodeAndLowerCasedEmail() {
        let secret = [UInt8](repeating: 7, count: ClaimerKey.secretLength)
        let key = ClaimerKey.make(secret: secret, codeID: 42, email: "Amira@Example.COM")
        #expect(key == SHA256.hmac(key: secret, message: Array("42\namira@example.com".utf8)))
        #expect(key == ClaimerKey.make(secret: secret, codeID: 42, email: "amira@example.com"))
        #expect(key.count == 32)
    }

    @Test func claimerKeysDifferByCodeEmailAndSecret() {
        let secret = [UInt8](repeating: 7, count: ClaimerKey.secretLength)
        let key = ClaimerKey.make(secret: secret, codeID: 42, email: "amira@example.com")
        #expect(key != ClaimerKey.make(secret: secret, codeID: 43, email: "amira@example.com"))
        #expect(key != ClaimerKey.make(secret: secret, codeID: 42, email: "amira@example.org"))
        // Without the newline between them, code 4 with "2@x.org" and code 42 with "@x.org" would hash the same text.
        #expect(ClaimerKey.make(secret: secret, codeID: 4, email: "2@x.org") != ClaimerKey.make(secret: secret, codeID: 42, email: "@x.org"))
        var other = secret
        other[0] = 8
        #expect(key != ClaimerKey.make(secret: other, codeID: 42, email: "amira@example.com"))
    }

    @Test func newSecretsAreRandomAndFullLength() {
        var generator = SystemRandomNumberGenerator()
        let first = ClaimerKey.newSecret(using: &generator)
        let second = ClaimerKey.newSecret(using: &generator)
        #expect(first.count == ClaimerKey.secretLength)
        #expect(first != second)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
