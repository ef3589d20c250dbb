import Foundation
import Testing
@testable import KioskCore

@Suite("The volunteer PIN, stored as PBKDF2-HMAC-SHA256")
struct PINHashTests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    @Test func deriveMatchesPublishedVectors() {
        // RFC 7914 section 11 (first 32 bytes) and the widely published 4096-round vector.
        #expect(hex(PINHash.derive(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1))
            == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        #expect(hex(PINHash.derive(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 4096))
            == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
    }

    @Test func aHashMatchesItsPINOnlyAndReadsBackFromItsText() throws {
        var generator = SystemRandomNumberGenerator()
        let hash = PINHash(pin: "2468", iterations: 1000, using: &generator)
        #expect(hash.matches("2468"))
        #expect(!hash.matches("2469") && !hash.matches("") && !hash.matches("24680"))
        #expect(hash.text.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(!hash.text.contains("2468"))
        let read = try #require(PINHash(parsing: hash.text))
        #expect(read == hash && read.matches("2468"))
    }

    @Test func eachHashHasItsOwnSalt() {
        var generator = SystemRandomNumberGenerator()
        let first = PINHash(pin: "2468", iterations: 10, using: &generator)
        let second = PINHash(pin: "2468", iterations: 10, using: &generator)
        #expect(first.salt != second.salt && first.hash != second.hash)
    }

    @Test(arguments: ["2468", "pbkdf2-sha256$100000$c2FsdHNhbHQ=", "sha1$1000$c2FsdHNhbHQ=$AAAA",
                      "pbkdf2-sha256$0$c2FsdHNhbHQ=$" + Data(count: 32).base64EncodedString(),
                      "pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAA"])
    func refusesTextItDidNotMake(text: String) {
        #expect(PINHash(parsing: text) == nil)
    }
}
