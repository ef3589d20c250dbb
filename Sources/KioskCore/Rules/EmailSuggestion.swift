/// Spots common slips in email domains (`gmial.com`, `.con`, `hotmail.co`) and proposes the fix.
public enum EmailSuggestion {
    /// Whole domains people mistype for the popular providers.
    static let domainFixes: [String: String] = [
        "gmial.com": "gmail.com", "gmai.com": "gmail.com", "gmal.com": "gmail.com", "gamil.com": "gmail.com",
        "gnail.com": "gmail.com", "gmail.co": "gmail.com", "gmaill.com": "gmail.com", "gmail.cm": "gmail.com",
        "googlemail.co": "googlemail.com",
        "hotmail.co": "hotmail.co.uk", "hotmial.com": "hotmail.com", "hotmal.com": "hotmail.com",
        "hotmai.com": "hotmail.com", "hotmail.cm": "hotmail.com", "hotmail.co.um": "hotmail.co.uk",
        "outlok.com": "outlook.com", "outlook.co": "outlook.com", "otlook.com": "outlook.com",
        "yaho.com": "yahoo.com", "yahooo.com": "yahoo.com", "yahoo.co": "yahoo.co.uk", "yhaoo.com": "yahoo.com",
        "iclod.com": "icloud.com", "icloud.co": "icloud.com", "icoud.com": "icloud.com",
        "live.co": "live.co.uk", "btinternet.co": "btinternet.com", "btinternt.com": "btinternet.com",
    ]

    /// Endings that are almost always a slip for `.com` or `.co.uk`.
    static let endingFixes: [(String, String)] = [
        (".con", ".com"), (".cmo", ".com"), (".ocm", ".com"), (".comm", ".com"), (".vom", ".com"),
        (".co.ku", ".co.uk"), (".couk", ".co.uk"), (".co.um", ".co.uk"),
    ]

    /// The address with its domain corrected, or nil when nothing looks wrong.
    public static func suggest(for email: String) -> String? {
        let lowered = email.lowercased()
        guard let at = lowered.lastIndex(of: "@") else { return nil }
        let local = lowered[..<at]
        let domain = String(lowered[lowered.index(after: at)...])
        if let fixed = domainFixes[domain] { return "\(local)@\(fixed)" }
        for (wrong, right) in endingFixes where domain.hasSuffix(wrong) {
            return "\(local)@\(domain.dropLast(wrong.count))\(right)"
        }
        return nil
    }
}
