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
        // Any answer at all shows the issuer is reachable, and its Date header tells its clock.
        let http = IssuerHTTP(caFile: settings.caFile)
        let answer = http.exchange(IssuerRequest(method: "GET", path: "/"), baseURL: settings.baseURL, timeout: settings.timeoutSeconds)
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

    /// Asks for the badge list through the adapter `badges sync` uses, which signs in first.
    private static func signInFacts(_ settings: IssuerSettings) -> Doctor.SignInFacts {
        if settings.kind == .navigatr, settings.clientID.isEmpty {
            return .cannotTry("Navigatr lists badges only for a provider, and issuer_client_id is not set, so the token was not tried")
        }
        do {
            return .accepted(badges: try makeIssuerAdapter(settings).catalogue().count)
        } catch {
            return .refused(error.description)
        }
    }
}
