extension Tables {
    /// The phone claim page's words.
    static func page(_ language: Language) -> [String: String] {
        switch language {
        case .english: PageText.english
        case .ukrainian: PageText.ukrainian
        case .polish: PageText.polish
        case .arabic: PageText.arabic
        }
    }
}

/// The claim page's text, one table per language.
enum PageText {
    static let english: [String: String] = ["page.heading": "Collect your badge"]
    static let ukrainian: [String: String] = ["page.heading": "Отримайте свій значок"]
    static let polish: [String: String] = ["page.heading": "Odbierz swoją odznakę"]
    static let arabic: [String: String] = ["page.heading": "احصل على شارتك"]
}
