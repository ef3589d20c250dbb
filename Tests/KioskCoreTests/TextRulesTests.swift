import Testing
@testable import KioskCore

@Suite("Text rules: scalar by scalar")
struct TextRulesTests {
    static func nameCode(_ name: String) -> String? {
        do {
            _ = try Claimant.checkName(name)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func aPileOfCombiningMarksIsRefusedEvenAsOneCharacter() {
        let pile = "A" + String(repeating: "\u{0301}", count: 30_000)
        #expect(pile.count == 1)
        #expect(Self.nameCode(pile) == "name_too_long")
        // Within the byte cap, the marks on one letter are still limited.
        #expect(Self.nameCode("Zo" + String(repeating: "\u{0308}", count: 7)) == "name_invalid")
        // Joiners between the marks do not hide them.
        #expect(Self.nameCode("Zo" + String(repeating: "\u{0308}\u{200D}", count: 7) + "\u{0308}") == "name_invalid")
    }

    @Test(arguments: ["\u{200B}", "\u{200B}\u{200C}\u{200D}", "\u{3164}", "\u{115F}\u{1160}", "\u{2800}\u{2800}", "12345",
                      "!!!", "\u{FEFF}Ann", "Ann\u{200E}", "An\u{00AD}n", "An\u{034F}n", "\u{E000}Ann", "An\u{2028}n", "An\u{0085}n"])
    func invisibleOrLetterlessNamesAreRefused(name: String) {
        let code = Self.nameCode(name)
        #expect(code == "name_invalid" || code == "name_missing", "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: ["Zoë", "Zoe\u{0308}", "Nguyễn", "Nguye\u{0302}\u{0303}n", "Amira 👩🏽‍🎓", "❤️ Sam", "میرزا‌علی", "क्षत्रिय",
                      "स्त्री", "བསྒྲུབས", "שָׁלוֹם", "Ольга", "Łucja", "李", "O'Brien", "Anne-Marie", "Amira 🎉"])
    func realNamesStillPass(name: String) throws {
        #expect(try Claimant.checkName(name) == name)
    }

    @Test(arguments: ["<\u{200D}", ">\u{200D}x", "\u{200D}Ann", "Ann\u{200D}", "A\u{200D}\u{200D}n"])
    func strayJoinersAreRefused(name: String) {
        #expect(Self.nameCode(name) == "name_invalid")
    }

    @Test func theRecipientFilterWorksOnScalars() {
        let name = "Ann <\u{200D}evil@example.com>\u{0301} x"
        // Character by character, `<` with a joiner is not `<`: the old filter let both through.
        #expect(name.filter { $0 != "<" && $0 != ">" }.unicodeScalars.contains("<"))
        let safe = Claimant.recipientName(name)
        #expect(!safe.unicodeScalars.contains("<"))
        #expect(!safe.unicodeScalars.contains(">"))
        #expect(Claimant.recipientName("Zoë O'Brien") == "Zoë O'Brien")
    }

    @Test(arguments: ["a<\u{200D}@example.com", "a\u{200D}b@example.com", "a@exa\u{200B}mple.com", "a@exam\u{0085}ple.com"])
    func emailsWithHiddenCharactersAreRefused(email: String) {
        #expect(throws: FieldError.self) { try Claimant.checkEmail(email) }
    }

    /// The ASCII answers skip Unicode's property tables; for each of the 128 they must be what the tables say.
    @Test func asciiAnswersMatchUnicodesTables() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            let category = scalar.properties.generalCategory
            let tableInvisible = [.control, .format, .lineSeparator, .paragraphSeparator, .privateUse].contains(category)
                || scalar.properties.isDefaultIgnorableCodePoint
            #expect(TextRules.isInvisible(scalar) == tableInvisible, "U+\(String(value, radix: 16))")
            #expect(TextRules.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            let tableLetter = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
                .contains(category)
            #expect(TextRules.isLetter(scalar) == tableLetter, "U+\(String(value, radix: 16))")
            #expect(TextRules.isMark(scalar) == [.nonspacingMark, .spacingMark, .enclosingMark].contains(category))
            let tableUnsafe = [.control, .lineSeparator, .paragraphSeparator].contains(category) || scalar.properties.isBidiControl
            #expect(LogText.isUnsafe(scalar) == tableUnsafe, "U+\(String(value, radix: 16))")
        }
        // Beyond ASCII the tables answer: a no-break space is white space, NEL is a control.
        #expect(TextRules.isWhitespace("\u{00A0}") && TextRules.isWhitespace("\u{3000}"))
        #expect(TextRules.isInvisible("\u{0085}") && !TextRules.isLetter("\u{00D7}") && TextRules.isLetter("\u{00E9}"))
    }

    @Test func printableASCIITextIsWellFormedAndOtherTextIsStillChecked() {
        #expect(TextRules.isWellFormed("Ann-Marie O'Neil (2nd) ~ 100%"))
        #expect(!TextRules.isWellFormed("Ann\u{7F}"))
        #expect(!TextRules.isWellFormed("Ann\tMarie"))
        #expect(!TextRules.isWellFormed("Ann\u{200B}"))
        #expect(" \t Ann \r\n".trimmingWhitespace() == "Ann")
        #expect("\u{3000}Ann\u{00A0}".trimmingWhitespace() == "Ann")
    }

    @Test func titlesGetTheSameScalarChecksButNeedNoLetter() throws {
        #expect(try SessionDraft(title: "2025", badgeIDs: ["a"], expected: 1).title == "2025")
        #expect(throws: FieldError.self) { try SessionDraft(title: "Day\u{2066} 1", badgeIDs: ["a"], expected: 1) }
        #expect(throws: FieldError.self) { try SessionDraft(title: "\u{200B}", badgeIDs: ["a"], expected: 1) }
    }
}

@Suite("Log text")
struct LogTextTests {
    @Test func controlsSeparatorsAndBidiAreEscaped() {
        #expect(LogText.sanitize("/x\u{1B}[2J\nfake") == "/x\\u{1B}[2J\\u{A}fake")
        #expect(LogText.sanitize("a\u{0085}b\u{009B}31m") == "a\\u{85}b\\u{9B}31m")
        #expect(LogText.sanitize("line\u{2028}two\u{2029}") == "line\\u{2028}two\\u{2029}")
        #expect(LogText.sanitize("\u{202E}txt.exe\u{2066}\u{200F}") == "\\u{202E}txt.exe\\u{2066}\\u{200F}")
        #expect(LogText.sanitize("Олена 👩🏽‍🎓 محمد") == "Олена 👩🏽‍🎓 محمد")
    }

    @Test func sanitisingTwiceChangesNothingMoreAndLongTextIsCut() {
        let once = LogText.sanitize("refused:\r\n\u{1B}]0;owned\u{7}")
        #expect(LogText.sanitize(once) == once)
        #expect(!once.unicodeScalars.contains { $0.value < 0x20 })
        let long = LogText.sanitize(String(repeating: "x", count: 5000))
        #expect(long.unicodeScalars.count == LogText.maxScalars + 1)
        #expect(long.hasSuffix("…"))
        // Printable ASCII is kept as it is up to the limit and cut past it, like any other text.
        #expect(LogText.sanitize("GET /api/v1/claims 201", limit: 22) == "GET /api/v1/claims 201")
        #expect(LogText.sanitize("GET /api/v1/claims 201", limit: 21) == "GET /api/v1/claims 20…")
    }
}
