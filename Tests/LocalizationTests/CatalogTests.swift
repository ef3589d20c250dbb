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
        #expect(arabic.text("front.attract.title") == "Get your badge here")
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
