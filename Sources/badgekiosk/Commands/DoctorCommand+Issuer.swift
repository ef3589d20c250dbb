import Foundation
import Issuers
import KioskService

/// The facts about the central issuer: its settings, an answer, the kiosk's credentials and its clock.
extension DoctorCommand {
    /// The issuer, sign-in and clock checks.
    static func issuerChecks(_ configuration: ServiceConfiguration) -> [DoctorCheck] {
        let configured: IssuerSettings?
        do {
            configured = try configuration.issuerSettings()
        } catch {
            return [Doctor.issuer(.badSettings(error.description)),
                    Doctor.signIn(.notTried("the issuer settings cannot be used")),
                    Doctor.clock(.notCompared("the issuer settings cannot be used"))]
        }
        guard var settings = configured else {
            return [Doctor.issuer(.notSet), Doctor.signIn(.notTried("no issuer is set")),
                    Doctor.clock(.notCompared("no issuer to compare with"))]
        }
        settings.timeoutSeconds = min(settings.timeoutSeconds, issuerTimeout)
        let name = settings.kind.displayName
        let answer = CredentialCheck.probe(settings)
        let kioskSeconds = Int64(Date().timeIntervalSince1970)
        let reply: IssuerReply
        switch answer {
        case let .failure(failure):
            return [Doctor.issuer(.unreachable(name: name, url: settings.baseURL, reason: failure.reason)),
                    Doctor.signIn(.notTried("the issuer did not answer")),
                    Doctor.clock(.notCompared("the issuer did not answer"))]
        case let .success(answered):
            reply = answered
        }
        let clock: Doctor.ClockFacts = reply.issuerTime.map { .compared(kioskSeconds: kioskSeconds, issuerSeconds: $0) }
            ?? .notCompared("the issuer's answer did not say its time")
        return [Doctor.issuer(.answered(name: name, url: settings.baseURL)), Doctor.signIn(signInFacts(settings)),
                Doctor.clock(clock)]
    }

    /// The kiosk's credentials, tried as `badgekiosk setup` tries them.
    private static func signInFacts(_ settings: IssuerSettings) -> Doctor.SignInFacts {
        switch CredentialCheck.signIn(settings) {
        case let .accepted(badges): .accepted(badges: badges)
        case let .refused(reason): .refused(reason)
        case let .notChecked(reason): .cannotTry(reason + ", so the token was not tried")
        }
    }
}
