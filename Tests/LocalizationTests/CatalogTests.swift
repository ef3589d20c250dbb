import Testing
@testable import Localization

@Suite("Languages and catalogues")
struct CatalogTests {
    @Test(arguments: [
        (nil, Language.english), ("uk-UA,uk;q=0.9,en;q=0.8", .ukrainian), ("en-GB,pl;q=0.9", .english),
        ("de-DE,pl;q=0.5,ar;q=0.7", .arabic), ("fr", .english), ("ar;q=0, pl", .polish), ("*", .english),
    ] as [(String?, Language)])
    func negotiatesFromAcceptLanguage(header: String?, expected: Language) {
        #expect(Language.negotiate(acceptLanguage: header) == expected)
    }

    @Test func arabicIsRightToLeftAndNotForTheConsole() {
        #expect(Language.arabic.direction == "rtl")
        #expect(!Language.arabic.consoleSafe)
        #expect(Language.ukrainian.consoleSafe)
    }

    @Test func fillsPlaceholdersAndFallsBackToEnglish() {
        let arabic = Catalog(.arabic)
        // Arabic has the front's spoken words only; the volunteer's menu falls back to English.
        #expect(arabic.text("front.menu.start") == Catalog(.english).text("front.menu.start"))
        #expect(arabic.text("front.attract.title") == "احصل على شارتك هنا")
        #expect(Catalog(.english).text("no.such.key") == "no.such.key")
    }

    @Test func everyLanguageTranslatesEveryPageKey() {
        let english = Catalog(.english).keys.filter { $0.hasPrefix("page.") }
        for language in Language.allCases {
            let missing = english.subtracting(Catalog(language).keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
        }
    }

    @Test func everyFrontTranslationKeepsEnglishsPlaceholdersAndNoExtraKeys() {
        let english = Tables.front(.english)
        for language in Language.allCases where language.consoleSafe && language != .english {
            let table = Tables.front(language)
            #expect(Set(table.keys) == Set(english.keys), "\(language) has keys English lacks or lacks some")
            for (key, text) in english {
                #expect(placeholders(table[key] ?? "") == placeholders(text), "\(language) \(key) must keep {fields} as in English")
            }
        }
    }

    /// Arabic is heard, not shown: its front table holds only spoken keys, each with English's fields.
    @Test func theSpokenArabicKeepsEnglishsPlaceholdersAndHasNoStrayKeys() {
        let english = Tables.front(.english)
        for (key, text) in Tables.front(.arabic) {
            #expect(english[key] != nil, "Arabic has \(key), which English lacks")
            #expect(placeholders(text) == placeholders(english[key] ?? ""), "Arabic \(key) must keep {fields} as in English")
        }
    }

    private func placeholders(_ text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found.sorted()
    }

    @Test func everyConsoleLanguageTranslatesEveryFrontKey() {
        let english = Catalog(.english).keys.filter { $0.hasPrefix("front.") }
        for language in Language.allCases where language.consoleSafe {
            let missing = english.subtracting(Catalog(language).keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
        }
    }
}
