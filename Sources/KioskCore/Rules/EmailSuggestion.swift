/// Spots a slip in an email address's domain and proposes the fix, from a model rather than a list:
/// a domain a few edits from a common provider's (`gmali.com`, `hotmial.co.uk`, `wp.pll`), or an
/// ending no domain has (`.con`, `.cim`, `.co.ik`). Real domains near a provider are left alone.
public enum EmailSuggestion {
    /// A proposed address, split so the part that changed can be marked.
    public struct Suggestion: Equatable, Sendable {
        /// The whole address proposed.
        public var address: String
        /// The proposal as unchanged start, changed middle and unchanged end.
        public var before: String, changed: String, after: String
    }

    /// The address with its domain corrected (lower-cased), or nil when nothing looks wrong.
    public static func suggest(for email: String) -> String? {
        suggestion(for: email)?.address
    }

    /// The corrected address with what changed, or nil when nothing looks wrong.
    public static func suggestion(for email: String) -> Suggestion? {
        let typed = email.trimmingWhitespace().lowercased()
        guard let at = typed.lastIndex(of: "@") else { return nil }
        let domain = String(typed[typed.index(after: at)...])
        guard domain.contains("."), let fixed = fixedDomain(domain), fixed != domain else { return nil }
        return marked(typed: typed, proposed: String(typed[...at]) + fixed)
    }

    static func fixedDomain(_ domain: String) -> String? {
        nearestProvider(domain) ?? fixedEnding(domain)
    }

    /// The provider's domain a slip away, or nil when the domain is one (or another real one) or none is near.
    static func nearestProvider(_ domain: String) -> String? {
        if EmailDomains.otherReal.contains(domain) { return nil }
        let typed = Array(domain.unicodeScalars)
        let dot = domain.firstIndex(of: ".")!
        let (typedHost, typedEnding) = (domain[..<dot], domain[domain.index(after: dot)...])
        var best: (domain: String, distance: Int)?
        for (host, endings) in EmailDomains.providers {
            // One letter off a one- or two-letter name is another name (wp, op, o2): only the ending may slip.
            if host.count <= 2 && typedHost != host { continue }
            // A provider with a domain in many countries may well have this one (hotmail.co.jp), unless
            // the ending is one slip from `com` (no provider serves Oman's `.om`).
            if typedHost == host, endings.count > 2, isCountryEnding(typedEnding),
               EditDistance.between(String(typedEnding), "com", limit: 1) > 1,
               !endings.contains(where: { $0.hasPrefix(typedEnding) }) {
                return nil
            }
            let limit = host.count <= 4 ? 1 : 2
            for ending in endings {
                let candidate = host + "." + ending
                if candidate == domain { return nil }
                var distance = EditDistance.between(typed, Array(candidate.unicodeScalars), limit: limit)
                // Stopping short (`hotmail.co` for `hotmail.co.uk`) is one slip, however much is left.
                if candidate.hasPrefix(domain) { distance = min(distance, 1) }
                if distance <= limit && distance < (best?.distance ?? .max) { best = (candidate, distance) }
            }
        }
        return best?.domain
    }

    /// A country's ending as domains there have it: `de`, or `co.jp`, `com.au`, `org.uk`.
    static func isCountryEnding(_ ending: Substring) -> Bool {
        let labels = ending.split(separator: ".")
        guard let country = labels.last, EmailDomains.countryEndings.contains(country) else { return false }
        return labels.count == 1 || labels.count == 2 && ["co", "com", "org", "net", "ac"].contains(labels[0])
    }

    /// The domain with an ending that no domain has (`.con`, `.co.ik`) put right, or nil.
    static func fixedEnding(_ domain: String) -> String? {
        guard let dot = domain.lastIndex(of: ".") else { return nil }
        let ending = domain[domain.index(after: dot)...]
        if ending.count == 2 ? EmailDomains.countryEndings.contains(ending)
            : ending.count == 3 && (["com", "net", "org"].contains(ending) || EmailDomains.realNearCommon.contains(ending)) {
            return nil
        }
        var best: (fix: String, distance: Int)?
        for (slip, fix) in EmailDomains.endingFixes {
            let distance = EditDistance.between(String(ending), slip, limit: 1)
            if distance <= 1 && distance < (best?.distance ?? .max) { best = (fix, distance) }
        }
        guard let best, ending.count > 1 || best.distance == 0 else { return nil }
        return String(domain[...dot]) + best.fix
    }

    /// Splits `proposed` around what differs from `typed`: the longest shared start and end.
    static func marked(typed: String, proposed: String) -> Suggestion {
        let a = Array(typed), b = Array(proposed)
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var end = 0
        while end < a.count - start, end < b.count - start, a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
        return Suggestion(address: proposed, before: String(b[..<start]),
                          changed: String(b[start..<(b.count - end)]), after: String(b[(b.count - end)...]))
    }
}
