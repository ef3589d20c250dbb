import Testing
@testable import KioskCore

/// The typo model against a table: slips learners make (the venues' own examples among them) and real
/// addresses, from UK, Polish, Ukrainian and other providers and from workplaces, that must get no suggestion.
@Suite("Email suggestions")
struct EmailSuggestionTests {
    static let slips: [(typed: String, expected: String)] = [
        ("sam@gmali.com", "sam@gmail.com"), ("sam@gmaul.com", "sam@gmail.com"), ("sam@gmail.om", "sam@gmail.com"),
        ("sam@gmail.cim", "sam@gmail.com"), ("sam@gmail.cpm", "sam@gmail.com"), ("sam@gmail.xom", "sam@gmail.com"),
        ("sam@gmial.com", "sam@gmail.com"), ("sam@gamil.com", "sam@gmail.com"), ("sam@gnail.com", "sam@gmail.com"),
        ("sam@gmaill.com", "sam@gmail.com"), ("sam@gmail.comm", "sam@gmail.com"), ("sam@gmail.co", "sam@gmail.com"),
        ("sam@googlemail.co", "sam@googlemail.com"), ("sam@hotmial.co.uk", "sam@hotmail.co.uk"),
        ("sam@homail.com", "sam@hotmail.com"), ("sam@homail.co.uk", "sam@hotmail.co.uk"),
        ("sam@hotmail.co", "sam@hotmail.co.uk"), ("sam@hotmail.om", "sam@hotmail.com"),
        ("sam@hotmail.co.um", "sam@hotmail.co.uk"), ("Sam@Yahoo.co", "sam@yahoo.co.uk"),
        ("sam@yahoo.co.ik", "sam@yahoo.co.uk"), ("sam@yahooo.co.uk", "sam@yahoo.co.uk"),
        ("sam@outlok.com", "sam@outlook.com"), ("sam@outlook.con", "sam@outlook.com"),
        ("sam@live.co.ik", "sam@live.co.uk"), ("sam@live.co", "sam@live.co.uk"), ("sam@icloud.cm", "sam@icloud.com"),
        ("sam@iclod.com", "sam@icloud.com"), ("sam@btinternet.co", "sam@btinternet.com"),
        ("sam@btinternt.com", "sam@btinternet.com"), ("sam@skyy.com", "sam@sky.com"), ("sam@aol.con", "sam@aol.com"),
        ("sam@virginmedia.con", "sam@virginmedia.com"), ("sam@ukr.nett", "sam@ukr.net"), ("sam@ukr.ner", "sam@ukr.net"),
        ("sam@wp.pll", "sam@wp.pl"), ("sam@onet.ppl", "sam@onet.pl"), ("sam@intreia.pl", "sam@interia.pl"),
        ("sam@interia.pll", "sam@interia.pl"), ("sam@o2.pll", "sam@o2.pl"), ("sam@i.uaa", "sam@i.ua"),
        ("sam@meta.uaa", "sam@meta.ua"), ("sam@example.con", "sam@example.com"), ("sam@mail.co.ku", "sam@mail.co.uk"),
        ("sam@charity.org.ik", "sam@charity.org.uk"), ("sam@college.ac.ul", "sam@college.ac.uk"),
        ("sam@example.couk", "sam@example.co.uk"), ("sam@work.nett", "sam@work.net"), ("sam@group.ogr", "sam@group.org"),
    ]

    static let realDomains = [
        "gmail.com", "googlemail.com", "hotmail.co.uk", "hotmail.com", "hotmail.fr", "hotmail.co.jp", "outlook.com",
        "outlook.ie", "live.co.uk", "live.ca", "yahoo.co.uk", "yahoo.com", "yahoo.com.au", "icloud.com", "me.com",
        "mac.com", "msn.com", "btinternet.com", "sky.com", "aol.com", "aol.co.uk", "virginmedia.com", "talktalk.net",
        "ntlworld.com", "blueyonder.co.uk", "tiscali.co.uk", "mail.com", "email.com", "ymail.com", "gmx.com", "gmx.de",
        "web.de", "t-online.de", "orange.fr", "free.fr", "proton.me", "protonmail.com", "wp.pl", "onet.pl",
        "interia.pl", "o2.pl", "op.pl", "tlen.pl", "gazeta.pl", "ukr.net", "i.ua", "meta.ua", "bigmir.net", "mail.ru",
        "yandex.ru", "nhs.net", "crosskeyshomes.co.uk", "peterborough.gov.uk", "ox.ac.uk", "bbc.co.uk",
        "ageuk.org.uk", "school.sch.uk", "company.co", "company.om", "startup.io", "example.org", "studio.cam",
        "croeso.cymru",
    ]

    @Test func theTableIsBigEnough() {
        #expect(Self.slips.count + Self.realDomains.count >= 60)
        #expect(Self.realDomains.count >= (Self.slips.count + Self.realDomains.count) / 2)
    }

    @Test(arguments: slips)
    func suggestsTheFix(typed: String, expected: String) {
        #expect(EmailSuggestion.suggest(for: typed) == expected)
    }

    @Test(arguments: realDomains)
    func leavesRealDomainsAlone(domain: String) {
        #expect(EmailSuggestion.suggest(for: "sam@" + domain) == nil)
        #expect(EmailSuggestion.suggest(for: "Sam.Smith@" + domain.uppercased()) == nil)
    }

    @Test(arguments: ["no-at-sign", "sam@", "sam@localhost", ""])
    func saysNothingOfWhatIsNotAnAddress(typed: String) {
        #expect(EmailSuggestion.suggest(for: typed) == nil)
    }

    @Test func marksWhatChanged() throws {
        let swapped = try #require(EmailSuggestion.suggestion(for: "sam@gmial.com"))
        #expect((swapped.before, swapped.changed, swapped.after) == ("sam@gm", "ai", "l.com"))
        let ending = try #require(EmailSuggestion.suggestion(for: "sam@yahoo.co.ik"))
        #expect((ending.before, ending.changed, ending.after) == ("sam@yahoo.co.", "u", "k"))
        let added = try #require(EmailSuggestion.suggestion(for: "sam@hotmail.co"))
        #expect((added.before, added.changed, added.after) == ("sam@hotmail.co", ".uk", ""))
        #expect(swapped.before + swapped.changed + swapped.after == swapped.address)
    }

    @Test func editDistanceCountsSlipsAndStopsAtItsLimit() {
        #expect(EditDistance.between("gmail", "gmial", limit: 3) == 1)
        #expect(EditDistance.between("gmail", "gmail", limit: 3) == 0)
        #expect(EditDistance.between("hotmail", "homail", limit: 3) == 1)
        #expect(EditDistance.between("kitten", "sitting", limit: 5) == 3)
        #expect(EditDistance.between("a", "completely different", limit: 2) == 3)
        #expect(EditDistance.between("", "abc", limit: 5) == 3)
    }
}
