import Issuers
import KioskService

/// `badgekiosk setup`'s dialogue as a value: the next question, each answer checked in plain words,
/// and the settings that come out. No I/O: `SetupCommand` asks at the console or reads flags.
///
/// It starts from the settings file's current values, shows each as the default, and an empty answer
/// keeps it, so a second run changes only what is typed. `-` clears an optional answer.
struct SetupWizard: Equatable {
    /// One thing the wizard asks, in the order it asks.
    enum Field: String, CaseIterable, Equatable {
        case venueName, issuer, issuerURL, issuerClientID, issuerSecret, pin, pinAgain, wifiName, wifiPassword, publicURL
    }

    /// A question as the console shows it.
    struct Question: Equatable {
        var field: Field
        var text: String
        /// What an empty answer keeps, as shown in brackets; nil when there is nothing to keep.
        var current: String?
        /// Typed without echo at a terminal.
        var isSecret: Bool
    }

    /// The settings file's values by key: the current ones, changed by each answer.
    private(set) var values: [String: String]
    /// A new issuer secret, to be written to its own file; nil keeps the file there is.
    private(set) var secret: String?
    /// A new volunteer PIN, to be stored hashed; nil keeps the current one.
    private(set) var pin: String?
    /// Whether an issuer secret file is already there for this issuer (an empty answer keeps it).
    private(set) var hasSecret: Bool
    /// Fields answered already (by a flag or at the console).
    private(set) var answered: Set<Field> = []
    /// The first PIN typed, waiting for the same again.
    private var firstPIN: String?
    /// This machine's `<name>.local`, when avahi is installed to answer to it: an address that stays
    /// the same at every venue, offered as a choice (not the default, as some older phones cannot open it).
    let localName: String?

    init(values: [String: String], hasSecret: Bool, localName: String? = nil) {
        self.values = values
        self.hasSecret = hasSecret
        self.localName = localName
    }

    /// The issuers on offer, as typed (a number or a name) and as named.
    static let issuers: [(name: String, kind: IssuerKind?)] =
        IssuerKind.allCases.map { ($0.rawValue, $0) } + [("none", nil)]

    /// The issuer chosen so far; nil for none yet.
    var issuer: IssuerKind? { values["issuer"].flatMap { IssuerKind(rawValue: $0.lowercased()) } }

    /// Whether there is a volunteer PIN to keep.
    var hasPIN: Bool { values["pin_hash"] != nil || values["pin"] != nil }

    /// The port the service listens on, from the `listen` setting (8080 when unset).
    var listenPort: Int {
        values["listen"].flatMap { $0.split(separator: ":").last.flatMap { Int($0) } } ?? 8080
    }

    /// The usual API address of each issuer.
    static func defaultURL(_ kind: IssuerKind) -> String {
        switch kind {
        case .obf: "https://openbadgefactory.com"
        case .badgr: "https://api.badgr.io"
        case .navigatr: "https://api.navigatr.app"
        }
    }

    /// The next question to ask; nil when every question is answered.
    var question: Question? {
        Field.allCases.lazy.filter { !answered.contains($0) && applies($0) }.first.map(question(for:))
    }

    private func applies(_ field: Field) -> Bool {
        switch field {
        case .issuerURL, .issuerClientID, .issuerSecret: issuer != nil
        case .pinAgain: firstPIN != nil
        case .wifiPassword: values["wifi_name"] != nil
        default: true
        }
    }

    func question(for field: Field) -> Question {
        let name = issuer?.displayName ?? "the issuer"
        switch field {
        case .venueName:
            return Question(field: field, text: "What is the venue called? Learners see this name.",
                            current: values["venue_name"], isSecret: false)
        case .issuer:
            let choices = Self.issuers.enumerated().map { "\($0.offset + 1) \($0.element.kind?.displayName ?? "none yet")" }
            return Question(field: field, text: "Which issuer makes your badges? " + choices.joined(separator: ", ") + ".",
                            current: issuer?.rawValue ?? "none", isSecret: false)
        case .issuerURL:
            let keep = values["issuer_url"] ?? issuer.map(Self.defaultURL)
            return Question(field: field, text: "The address of \(name)'s API.", current: keep, isSecret: false)
        case .issuerClientID:
            let words = issuer == .navigatr ? "Your Navigatr provider's id number (- for none)."
                : issuer == .badgr ? "The client id \(name) gave you, or the email you sign in with."
                : "The client id \(name) gave you."
            return Question(field: field, text: words, current: values["issuer_client_id"], isSecret: false)
        case .issuerSecret:
            let words = issuer == .navigatr ? "Navigatr's personal access token." : issuer == .badgr
                ? "The client secret, or the password." : "The client secret."
            return Question(field: field, text: words + " It is not shown as you type.",
                            current: hasSecret || secret != nil ? "keep the saved one" : nil, isSecret: true)
        case .pin:
            return Question(field: field, text: "A volunteer PIN, 4 to 12 digits: volunteers type it after F2. It is not shown.",
                            current: hasPIN ? "keep the current PIN" : nil, isSecret: true)
        case .pinAgain:
            return Question(field: field, text: "The same PIN again.", current: nil, isSecret: true)
        case .wifiName:
            return Question(field: field, text: "The venue Wi-Fi's name, shown as a QR code to join it (- for none).",
                            current: values["wifi_name"] ?? "none", isSecret: false)
        case .wifiPassword:
            return Question(field: field, text: "The Wi-Fi password, 8 to 63 characters (- for an open network).",
                            current: values["wifi_password"].map { $0.isEmpty ? "open network" : $0 } ?? "open network",
                            isSecret: false)
        case .publicURL:
            let stable = localName.map { " Avahi is installed, so http://\($0):\(listenPort) works at every venue." } ?? ""
            return Question(field: field, text: "The address phones use to reach this kiosk (- to follow the network)." + stable,
                            current: values["public_url"] ?? "follow the network", isSecret: false)
        }
    }

    /// Takes an answer to `field` (the question asked, or a flag): nil when taken, else what is wrong
    /// in plain words and the same question stands.
    mutating func answer(_ field: Field, _ typed: String) -> String? {
        let text = typed.trimmingWhitespace()
        let problem = text.isEmpty ? keep(field) : take(field, text)
        if problem == nil { answered.insert(field) }
        return problem
    }

    /// An empty answer: the current value stays, where there is one.
    private mutating func keep(_ field: Field) -> String? {
        switch field {
        case .issuerURL where values["issuer_url"] == nil:
            return issuer.flatMap { take(field, Self.defaultURL($0)) }
        case .issuerClientID where values["issuer_client_id"] == nil && issuer != .navigatr:
            return "Type the client id: \(issuer?.displayName ?? "the issuer") needs it."
        case .issuerSecret where !hasSecret && secret == nil:
            return "Type the secret: \(issuer?.displayName ?? "the issuer") needs it."
        case .pin where !hasPIN:
            return "Type a PIN: without one, volunteer mode cannot be opened."
        case .pinAgain:
            return take(field, "")
        default:
            return nil
        }
    }

    private mutating func take(_ field: Field, _ text: String) -> String? {
        switch field {
        case .venueName: return set("venue_name", text)
        case .issuer: return chooseIssuer(text)
        case .issuerURL: return set("issuer_url", text)
        case .issuerClientID:
            if text == "-", issuer != .navigatr { return "Type the client id: \(issuer?.displayName ?? "the issuer") needs it." }
            return set("issuer_client_id", text, clearable: true)
        case .issuerSecret:
            guard !text.contains(where: \.isNewline) else { return "The secret is one line." }
            secret = text
            return nil
        case .pin:
            if let problem = KioskSettings.problem(setting: "pin", value: text) { return "That PIN was not taken: \(problem)." }
            firstPIN = text
            answered.remove(.pinAgain)
            return nil
        case .pinAgain:
            guard text == firstPIN else {
                firstPIN = nil
                answered.remove(.pin)
                return "The two PINs were not the same. Type a PIN again."
            }
            pin = text
            return nil
        case .wifiName:
            if text == "-" { values["wifi_password"] = nil }
            return set("wifi_name", text, clearable: true)
        case .wifiPassword: return set("wifi_password", text == "-" ? "" : text)
        case .publicURL: return set("public_url", text, clearable: true)
        }
    }

    /// Sets the PIN from a file or pipe, where it is given once.
    mutating func givePIN(_ text: String) -> String? {
        if let problem = answer(.pin, text) { return problem }
        return answer(.pinAgain, text)
    }

    private mutating func chooseIssuer(_ text: String) -> String? {
        let typed = text.lowercased()
        let chosen = Int(typed).flatMap { Self.issuers.indices.contains($0 - 1) ? Self.issuers[$0 - 1] : nil }
            ?? Self.issuers.first { $0.name == typed || $0.kind?.displayName.lowercased() == typed }
        guard let chosen else {
            return "Type a number from 1 to \(Self.issuers.count), or " + Self.issuers.map(\.name).joined(separator: ", ") + "."
        }
        if chosen.kind != issuer {
            // Another issuer's address, client id and secret mean nothing to this one.
            for key in ["issuer_url", "issuer_client_id"] { values[key] = nil }
            hasSecret = false
            secret = nil
            answered.subtract([.issuerURL, .issuerClientID, .issuerSecret])
        }
        values["issuer"] = chosen.kind?.rawValue
        return nil
    }

    /// Stores `text` for `key` if the setting takes it; `-` unsets a setting that may be unset.
    private mutating func set(_ key: String, _ text: String, clearable: Bool = false) -> String? {
        if clearable, text == "-" {
            values[key] = nil
            return nil
        }
        if let problem = KioskSettings.problem(setting: key, value: text) { return "That was not taken: \(problem)." }
        values[key] = text
        return nil
    }

    /// After the issuer refused the client id and secret: ask for them again.
    mutating func askCredentialsAgain() {
        answered.subtract([.issuerClientID, .issuerSecret])
    }
}
