/// Asking the issuer to send its award email again, for a learner who has not accepted
/// (docs/ARCHITECTURE.md §4.9, with where each issuer's documentation says so).
extension IssuerKind {
    /// Whether the issuer's documented API lets the kiosk ask for the award email again. None of the
    /// three does: each sends its email once, when the award is made.
    public var canResendEmail: Bool { false }

    /// What staff can do instead, in plain words.
    public var emailAgainNextStep: String {
        switch self {
        case .obf:
            "Open Badge Factory's API cannot send the email again. Send it again from Open Badge Factory's website, "
                + "or ask the learner to look in their spam folder, or to log in to Open Badge Passport with this email, "
                + "where the badge waits."
        case .badgr:
            "Badgr's API cannot send the email again: it sends it once, when the badge is awarded. Ask the learner "
                + "to look for the email from Badgr, in their spam folder too."
        case .navigatr:
            "Navigatr's API cannot send the email again. Send it again from the badge's Recipients tab on Navigatr, "
                + "or ask the learner to look for the email from Navigatr, in their spam folder too."
        }
    }

    /// The next step when no issuer is configured.
    public static let noIssuerNextStep = "No issuer is configured, so no issuer can send the email again."
}
