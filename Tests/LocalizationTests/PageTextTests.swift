import Foundation
import Testing
@testable import Localization

@Suite("Claim page words")
struct PageTextTests {
    @Test func everyTranslationHasTheSameFieldsAsEnglish() {
        for language in Language.allCases {
            let table = Tables.page(language)
            #expect(Set(table.keys) == Set(PageText.english.keys), "\(language)")
            for (key, english) in PageText.english {
                let text = table[key] ?? ""
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key) is empty")
                #expect(fields(in: text) == fields(in: english), "\(language) \(key) must keep {fields} as in English")
            }
        }
    }

    @Test func translationsAreNotLeftInEnglish() {
        let sameEverywhere: Set<String> = ["page.error.email_invalid"]
        for language in Language.allCases where language != .english {
            let copied = PageText.english.filter { key, english in
                !sameEverywhere.contains(key) && Tables.page(language)[key] == english
            }
            #expect(copied.isEmpty, "\(language) still in English: \(copied.keys.sorted())")
        }
    }

    @Test func arabicIsWrittenInArabicScript() {
        let heading = Catalog(.arabic).text("page.heading")
        #expect(heading.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        #expect(Language.arabic.direction == "rtl")
    }

    @Test func englishStaysShortAndPlain() {
        // A reading age of about 9: short sentences and none of our own jargon.
        for (key, text) in PageText.english {
            for sentence in text.split(whereSeparator: { ".!?:".contains($0) }) {
                let words = sentence.split(separator: " ").count
                #expect(words <= 20, "\(key): \(words) words in one sentence")
            }
            let words = fields(in: text).reduce(text.lowercased()) { $0.replacingOccurrences(of: $1, with: "") }
            for jargon in ["claim", "issuer", "assertion", "token", "submit", "invalid", "credential"] {
                #expect(!words.contains(jargon), "\(key) uses \(jargon)")
            }
        }
    }

    private func fields(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
