/// Whether the issuer takes a client id and secret, asked live the way `badges sync` asks: for `badgekiosk setup`.
public enum CredentialCheck: Sendable, Equatable {
    /// The issuer signed us in and listed this many badges.
    case accepted(badges: Int)
    /// The issuer answered, but not with the badge list: why, in its adapter's plain words.
    case refused(String)
    /// Nothing could be checked (no answer from the issuer at all, or Navigatr with no provider id): why.
    case notChecked(String)

    /// Asks the issuer named by `settings`. First any answer at all from its address, so a refusal
    /// is told apart from a kiosk that is offline; then its badge list through the adapter.
    public static func run(_ settings: IssuerSettings) -> CredentialCheck {
        if settings.kind == .navigatr, Int(settings.clientID) == nil {
            return .notChecked("Navigatr lists badges only for a provider's id number, and none is set")
        }
        let probe = IssuerHTTP(caFile: settings.caFile)
            .exchange(IssuerRequest(method: "GET", path: "/", headers: []), baseURL: settings.baseURL, timeout: settings.timeoutSeconds)
        if case let .failure(failure) = probe { return .notChecked(failure.reason) }
        do {
            return .accepted(badges: try makeIssuerAdapter(settings).catalogue().count)
        } catch {
            return .refused(error.description)
        }
    }
}
