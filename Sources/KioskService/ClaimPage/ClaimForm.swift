import HTTPCore
import Localization

/// What one claim page form sent: the answers so far, which form it was, and which button.
///
/// The page keeps no state on the server: each form carries the earlier answers in hidden
/// fields, so Back and a change of language never lose what was typed, and the email never
/// appears in a URL.
struct ClaimForm: Sendable, Equatable {
    /// The first name as typed.
    var name = ""
    /// The email as typed, or once checked, trimmed and lower-cased.
    var email = ""
    /// The learner said they have no email address yet: the claim will wait for one (docs/ARCHITECTURE.md §4.8).
    var later = false
    var language: Language?
    /// The form that was sent (`start`, `name`, `email`, `check`, `consent`, `celebrate`) or `show` to redisplay a page.
    var step = ""
    /// The button pressed where a page has more than one (`yes`, `no`, `change`, `suggestion`, `later`).
    var choice = ""
    /// With `show`: the page to show.
    var view = ""
    /// The page's signature over the code, proving the form came from this service's page.
    var signature = ""
    /// The key from a new claim that says yes to "Well done" on the kiosk's screen (`Celebrations`).
    var celebrate = ""
    /// `name` or `email` when that answer arrived as bytes that are not UTF-8 text: it is asked for
    /// again rather than kept with U+FFFD in place of what was typed.
    var unreadable: String?

    /// Longer answers are cut here: every rule refuses them anyway, and a page that repeats what
    /// was typed stays small.
    static let maxFieldLength = 300

    init() {}

    /// Parses an `application/x-www-form-urlencoded` body; unknown fields are ignored.
    init(body: [UInt8]) {
        for pair in FormEncoding.pairs(body) {
            let key = pair.name ?? ""
            let decoded = pair.value.map(Self.capped)
            if decoded == nil, ["name", "email"].contains(key), unreadable == nil { unreadable = key }
            let value = decoded ?? ""
            switch key {
            case "name": name = value
            case "email": email = value
            case "later": later = value == "1"
            case "lang": language = Language(rawValue: value) ?? language
            case "step": step = value
            case "go": choice = value
            case "view": view = value
            case "form": signature = value
            case "celebrate": celebrate = value
            default: continue
            }
        }
    }

    /// Longer answers are cut here too, at a scalar boundary: one character can be kilobytes long.
    static let maxFieldBytes = 4 * maxFieldLength

    /// `text` cut to `maxFieldBytes` at a scalar boundary, then to `maxFieldLength` characters.
    static func capped(_ text: String) -> String {
        var bytesKept = 0
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            bytesKept += UTF8.width(scalar)
            guard bytesKept <= maxFieldBytes else { break }
            kept.append(scalar)
        }
        return String(String(kept).prefix(maxFieldLength))
    }
}
