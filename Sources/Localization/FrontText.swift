extension Tables {
    /// The terminal front's words (Latin and Cyrillic scripts only: the console font has no others).
    static func front(_ language: Language) -> [String: String] {
        switch language {
        case .english: FrontText.english
        case .ukrainian: FrontText.ukrainian
        case .polish: FrontText.polish
        case .arabic: [:]
        }
    }
}

/// The front's text, one table per language.
enum FrontText {
    static let english: [String: String] = ["front.attract.title": "Got a badge to collect?"]
    static let ukrainian: [String: String] = ["front.attract.title": "Маєте значок, щоб отримати?"]
    static let polish: [String: String] = ["front.attract.title": "Masz odznakę do odebrania?"]
}
