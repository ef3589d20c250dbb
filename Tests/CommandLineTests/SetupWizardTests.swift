@testable import badgekiosk
import KioskService
import Testing

@Suite("badgekiosk setup: the questions, the answers and the settings that come out")
struct SetupWizardTests {
    /// Answers each question in turn with the next of `answers`; the problems said on the way.
    static func run(_ wizard: inout SetupWizard, _ answers: [String]) -> [String] {
        var problems: [String] = []
        for answer in answers {
            guard let question = wizard.question else {
                Issue.record("no question left for \(answer)")
                break
            }
            if let problem = wizard.answer(question.field, answer) { problems.append(problem) }
        }
        return problems
    }

    @Test func aFirstRunAsksEverythingInOrder() {
        var wizard = SetupWizard(values: [:], hasSecret: false)
        var fields: [SetupWizard.Field] = []
        let answers = ["Cross Keys Hub", "1", "", "client-7", "s3cret", "2468", "2468", "Venue Guest", "welcome123", ""]
        for answer in answers {
            guard let question = wizard.question else { break }
            fields.append(question.field)
            #expect(wizard.answer(question.field, answer) == nil, "\(question.field)")
        }
        #expect(fields == SetupWizard.Field.allCases)
        #expect(wizard.question == nil)
        #expect(wizard.values == ["venue_name": "Cross Keys Hub", "issuer": "obf", "issuer_url": "https://openbadgefactory.com",
                                  "issuer_client_id": "client-7", "wifi_name": "Venue Guest", "wifi_password": "welcome123"])
        #expect(wizard.secret == "s3cret" && wizard.pin == "2468")
    }

    @Test func aReRunShowsAndKeepsTheCurrentValues() {
        let current = ["venue_name": "Cross Keys Hub", "issuer": "badgr", "issuer_url": "https://api.eu.badgr.io",
                       "issuer_client_id": "me@example.org", "pin_hash": "pbkdf2-sha256$1$x$y", "public_url": "http://10.0.0.2:8080"]
        var wizard = SetupWizard(values: current, hasSecret: true)
        #expect(wizard.question?.current == "Cross Keys Hub")
        let problems = Self.run(&wizard, ["", "", "", "", "", "", "Library Wi-Fi", "-", ""])
        #expect(problems.isEmpty)
        var expected = current
        expected["wifi_name"] = "Library Wi-Fi"
        expected["wifi_password"] = ""
        #expect(wizard.values == expected)
        #expect(wizard.secret == nil && wizard.pin == nil && wizard.question == nil)
    }

    @Test func theIssuerQuestionShowsItsDefaultAddressAndOffersNone() {
        var wizard = SetupWizard(values: [:], hasSecret: false)
        _ = Self.run(&wizard, ["Hub", "navigatr"])
        #expect(wizard.question == SetupWizard.Question(field: .issuerURL, text: "The address of Navigatr's API.",
                                                        current: "https://api.navigatr.app", isSecret: false))
        var none = SetupWizard(values: ["issuer": "obf", "issuer_url": "https://x.example"], hasSecret: true)
        _ = Self.run(&none, ["Hub", "4"])
        #expect(none.issuer == nil && none.values["issuer_url"] == nil)
        #expect(none.question?.field == .pin, "no issuer, no questions about it")
    }

    @Test func choosingAnotherIssuerForgetsTheOldOnesDetails() {
        var wizard = SetupWizard(values: ["issuer": "obf", "issuer_client_id": "old"], hasSecret: true)
        #expect(wizard.answer(.issuer, "Badgr") == nil)
        #expect(wizard.values["issuer_client_id"] == nil && !wizard.hasSecret)
        #expect(wizard.answer(.issuerSecret, "") == "Type the secret: Badgr needs it.")
        #expect(wizard.answer(.issuerClientID, "-") == "Type the client id: Badgr needs it.")
    }

    @Test(arguments: [
        (SetupWizard.Field.venueName, String(repeating: "x", count: 101), "That was not taken: expected a name of 1 to 100 characters."),
        (.issuer, "acme", "Type a number from 1 to 4, or obf, badgr, navigatr, none."),
        (.publicURL, "kiosk.local", "That was not taken: expected an address starting with http:// or https://."),
        (.wifiName, String(repeating: "w", count: 33), "That was not taken: expected a Wi-Fi name of 1 to 32 bytes."),
        (.pin, "12", "That PIN was not taken: expected 4 to 12 digits."),
        (.pin, "", "Type a PIN: without one, volunteer mode cannot be opened."),
    ])
    func refusesInPlainWords(field: SetupWizard.Field, answer: String, problem: String) {
        var wizard = SetupWizard(values: [:], hasSecret: false)
        #expect(wizard.answer(field, answer) == problem)
        #expect(!wizard.answered.contains(field))
    }

    @Test func withAvahiTheAddressQuestionOffersTheLocalName() {
        let plain = SetupWizard(values: [:], hasSecret: false)
        #expect(!plain.question(for: .publicURL).text.contains(".local"))
        var avahi = SetupWizard(values: ["listen": "0.0.0.0:8090"], hasSecret: false, localName: "hub.local")
        #expect(avahi.question(for: .publicURL).text.hasSuffix("so http://hub.local:8090 works at every venue."))
        #expect(avahi.answer(.publicURL, "http://hub.local:8090") == nil && avahi.values["public_url"] == "http://hub.local:8090")
    }

    @Test func aWiFiPasswordMustFitWPA() {
        var wizard = SetupWizard(values: ["wifi_name": "Guest"], hasSecret: false)
        #expect(wizard.answer(.wifiPassword, "short") != nil)
        #expect(wizard.answer(.wifiPassword, String(repeating: "p", count: 64)) != nil)
        #expect(wizard.answer(.wifiPassword, "eight888") == nil && wizard.values["wifi_password"] == "eight888")
    }

    @Test func thePINIsTypedTwiceAndTwoDifferentOnesStartAgain() {
        var wizard = SetupWizard(values: ["venue_name": "Hub"], hasSecret: false)
        #expect(Self.run(&wizard, ["", "4", "1357", "1358"]) == ["The two PINs were not the same. Type a PIN again."])
        #expect(wizard.question?.field == .pin && wizard.pin == nil)
        #expect(Self.run(&wizard, ["1357", "1357"]).isEmpty)
        #expect(wizard.pin == "1357" && wizard.question?.field == .wifiName)
        var given = SetupWizard(values: [:], hasSecret: false)
        #expect(given.givePIN("97531") == nil && given.pin == "97531")
    }

    @Test func aRefusedSecretIsAskedForAgain() {
        var wizard = SetupWizard(values: [:], hasSecret: false)
        _ = Self.run(&wizard, ["Hub", "obf", "", "id", "wrong"])
        wizard.askCredentialsAgain()
        #expect(wizard.question?.field == .issuerClientID)
        #expect(Self.run(&wizard, ["", "right"]).isEmpty)
        #expect(wizard.secret == "right" && wizard.values["issuer_client_id"] == "id")
    }

    @Test func theWrittenFileReadsBackAsTheSameSettings() throws {
        let values = ["venue_name": "  Hub # 1", "wifi_name": "Guest", "wifi_password": "", "pin_hash": "pbkdf2-sha256$1000$c2FsdHNhbHQ=$"
                      + String(repeating: "A", count: 43) + "="]
        let text = KioskSettings.fileText(values: values)
        #expect(text.contains("\nvenue_name = \"  Hub # 1\"\n") && text.contains("\nwifi_password = \"\"\n"))
        #expect(try KioskSettings.values(ofFile: "x", text: text) == values.merging(
            ["listen": "0.0.0.0:8080", "state_dir": "/var/lib/badgekiosk", "code_lifetime_hours": "72", "claim_headroom_percent": "20",
             "max_failed_code_attempts": "10", "retention_days": "30", "issuer_timeout_seconds": "20", "issuer_concurrency": "4",
             "issuer_max_backoff_seconds": "300", "celebrate_names": "yes", "speak_screens": "no", "qr_style": "auto"]) { $1 })
    }
}
