import KioskStore

extension ParkedAward {
    /// Plain words for staff: what is unclear and where to look. Each place that shows it adds how
    /// to give the answer (the front's two choices, the API's two addresses, the command line's two commands).
    public func advice(issuer: IssuerKind?) -> String {
        let who = email ?? "this learner"
        let name = issuer?.displayName ?? "the issuer"
        let place = issuer?.recordsPlace ?? "the issuer's own records"
        return "We do not know if \(name) got the badge \"\(badgeName)\" for \(who): \(reason). Check \(place) for \(who)."
    }
}
