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
        if case let .failure(failure) = probe(settings) { return .notChecked(failure.reason) }
        return signIn(settings)
    }

    /// Any answer at all from the issuer's address: it is reachable, and its `Date` header tells its clock.
    public static func probe(_ settings: IssuerSettings) -> Result<IssuerReply, TransportFailure> {
        IssuerHTTP(caFile: settings.caFile)
            .exchange(IssuerRequest(method: "GET", path: "/"), baseURL: settings.baseURL, timeout: settings.timeoutSeconds)
    }

    /// The badge list through the adapter `badges sync` uses, which signs in first.
    public static func signIn(_ settings: IssuerSettings) -> CredentialCheck {
        if settings.kind == .navigatr, Int(settings.clientID) == nil {
            return .notChecked("Navigatr lists badges only for a provider's id number, and none is set")
        }
        do {
            return .accepted(badges: try makeIssuerAdapter(settings).catalogue().count)
        } catch {
            return .refused(error.description)
        }
    }
}
