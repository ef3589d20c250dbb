/// The checks of the central issuer: set, answering, accepting the kiosk's credentials, and its clock.
extension Doctor {
    /// The issuer settings, and whether the issuer answered a plain request.
    enum IssuerFacts: Sendable, Equatable {
        /// No `issuer` in the settings.
        case notSet
        /// The issuer settings cannot be used (a missing key, an unreadable secret file): the problem.
        case badSettings(String)
        /// It answered (any HTTP answer will do).
        case answered(name: String, url: String)
        /// No answer: why.
        case unreachable(name: String, url: String, reason: String)
    }

    static func issuer(_ facts: IssuerFacts) -> DoctorCheck {
        let name = "issuer"
        switch facts {
        case .notSet:
            return .warn(name, "no issuer is set, so claims are kept but no badge is sent",
                         advice: "Set issuer, issuer_url, issuer_client_id and issuer_client_secret_file in the settings.")
        case let .badSettings(problem):
            return .fail(name, problem, advice: "Fix that setting, then restart the service: sudo systemctl restart badgekiosk.")
        case let .answered(issuer, url):
            return .ok(name, "\(issuer) answers at \(url)")
        case let .unreachable(issuer, url, reason):
            return .fail(name, "\(issuer) does not answer at \(url): \(reason)",
                         advice: "Check this kiosk's internet connection and issuer_url. A network that inspects https needs issuer_ca_file.")
        }
    }

    /// Whether the issuer accepted the kiosk's credentials, asked for its badge list through the adapter.
    enum SignInFacts: Sendable, Equatable {
        /// It listed this many badges.
        case accepted(badges: Int)
        /// It refused: the adapter's words.
        case refused(String)
        /// The credentials cannot be tried here: why (Navigatr lists badges only with a provider number).
        case cannotTry(String)
        /// Not tried, because an earlier check failed: why.
        case notTried(String)
    }

    static func signIn(_ facts: SignInFacts) -> DoctorCheck {
        let name = "sign-in"
        switch facts {
        case let .accepted(badges):
            return .ok(name, "the issuer accepted the kiosk's credentials and listed \(badges) badge\(badges == 1 ? "" : "s")")
        case let .refused(reason):
            return .fail(name, reason, advice: "Check issuer_client_id and the secret in issuer_client_secret_file, then restart the service.")
        case let .cannotTry(reason):
            return .warn(name, reason, advice: "Set issuer_client_id to your Navigatr provider number so the token can be checked.")
        case let .notTried(reason):
            return .skipped(name, because: reason)
        }
    }

    /// This kiosk's clock beside the issuer's `Date` header.
    enum ClockFacts: Sendable, Equatable {
        /// Both clocks in seconds since 1970, read when the issuer's answer arrived.
        case compared(kioskSeconds: Int64, issuerSeconds: Int64)
        /// Not compared: why.
        case notCompared(String)
    }

    static func clock(_ facts: ClockFacts) -> DoctorCheck {
        let name = "clock"
        let ahead: Int64
        switch facts {
        case let .notCompared(reason): return .skipped(name, because: reason)
        case let .compared(kiosk, issuer): ahead = kiosk - issuer
        }
        let gap = abs(ahead)
        // The issuer's Date has whole seconds: a second or two either way is no difference.
        guard gap > 2 else { return .ok(name, "this kiosk's clock agrees with the issuer's") }
        let finding = "this kiosk's clock is \(OutboxCommand.duration(seconds: gap)) \(ahead > 0 ? "ahead of" : "behind") the issuer's"
        let advice = "Let it set itself from the internet: sudo timedatectl set-ntp true; then 'timedatectl' should say 'System clock synchronized: yes'."
        if gap > clockFailSeconds { return .fail(name, finding, advice: advice) }
        if gap > clockWarnSeconds { return .warn(name, finding, advice: advice) }
        return .ok(name, finding)
    }
}
