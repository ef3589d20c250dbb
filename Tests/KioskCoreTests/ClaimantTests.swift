import Testing
@testable import KioskCore

@Suite("Claimant: checking what a learner typed")
struct ClaimantTests {
    @Test func acceptsAndNormalises() throws {
        let claimant = try Claimant(name: "  Amira ", email: " Amira.K@Example.COM ", consent: true)
        #expect(claimant.name == "Amira")
        #expect(claimant.email == "amira.k@example.com")
    }

    @Test(arguments: ["Zoë", "Олена", "محمد", "李", "Amira 🎉", "<script>alert(1)</script>", "'; DROP TABLE claims;--"])
    func keepsHostileAndInternationalNamesIntact(name: String) throws {
        let claimant = try Claimant(name: name, email: "a@b.co", consent: true)
        #expect(claimant.name == name)
    }

    @Test func refusesMissingName() {
        #expect(throws: FieldError(field: "name", code: "name_missing", message: "Please type your first name.")) {
            try Claimant(name: "   ", email: "a@b.co", consent: true)
        }
    }

    @Test func refusesLongName() {
        let error = #expect(throws: FieldError.self) {
            try Claimant(name: String(repeating: "x", count: 10_000), email: "a@b.co", consent: true)
        }
        #expect(error?.code == "name_too_long")
    }

    @Test(arguments: ["Ann\u{0}", "Ann\nBob", "\u{202E}nnA", "A\u{7F}", "Ann\u{2066}", "An\u{0085}n", "Ann\u{FFFD}\u{200D}"])
    func refusesControlAndOverrideCharacters(name: String) {
        let error = #expect(throws: FieldError.self) { try Claimant(name: name, email: "a@b.co", consent: true) }
        #expect(error?.code == "name_invalid")
    }

    @Test(arguments: ["", "plain", "a@b", "a@.com", "a@b.c", "a b@c.com", "@c.com", "a@@c.com", "a@c..com",
                      ".a@c.com", "a.@c.com", "a@-c.com", "<a>@c.com", "a@c.com\u{202E}"])
    func refusesMalformedEmails(email: String) {
        let error = #expect(throws: FieldError.self) { try Claimant(name: "Ann", email: email, consent: true) }
        #expect(error?.field == "email")
    }

    @Test func refusesOverlongEmail() {
        let email = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 200) + ".com"
        let error = #expect(throws: FieldError.self) { try Claimant(name: "Ann", email: email, consent: true) }
        #expect(error?.code == "email_too_long")
    }

    @Test func aMissingAtAndASpaceHaveTheirOwnWords() {
        let noAt = #expect(throws: FieldError.self) { try Claimant.checkEmail("amira.gmail.com") }
        #expect(noAt?.code == "email_no_at" && noAt?.message.contains("@") == true)
        let space = #expect(throws: FieldError.self) { try Claimant.checkEmail("amira smith@gmail.com") }
        #expect(space?.code == "email_space")
        #expect(Claimant.removingSpaces(" amira @ gmail. com ") == "amira@gmail.com")
        #expect(throws: Never.self) { try Claimant.checkEmail(Claimant.removingSpaces("amira @gmail.com")) }
    }

    @Test(arguments: [nil, false] as [Bool?])
    func requiresConsent(consent: Bool?) {
        let error = #expect(throws: FieldError.self) { try Claimant(name: "Ann", email: "a@b.co", consent: consent) }
        #expect(error?.code == "consent_required")
    }
}
