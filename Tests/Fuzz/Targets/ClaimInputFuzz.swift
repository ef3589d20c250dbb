#if DEBUG || FUZZING
import HTTPCore
import KioskAPI
import KioskCore
@testable import KioskService

/// What a learner sends: the input as the JSON API's claim body and as the claim page's form.
///
/// Both go through the same checks (`Claimant`). A checked name or email must pass the
/// checks again unchanged, as the page sends them back in hidden fields for the next step.
enum ClaimInputFuzz {
    static func run(_ bytes: [UInt8]) {
        let request = HTTPRequest(method: "POST", target: "/api/v1/claims",
                                  headers: HTTPHeaders([("Content-Type", "application/json")]), body: bytes)
        if let body = try? JSON.decode(ClaimRequest.self, from: request) {
            check(name: body.name, email: body.email, consent: body.consent)
        }
        let form = ClaimForm(body: bytes)
        check(name: form.name, email: form.email, consent: true)
        _ = EmailSuggestion.suggest(for: form.email)
    }

    private static func check(name: String?, email: String?, consent: Bool?) {
        guard let claimant = try? Claimant(name: name, email: email, consent: consent) else { return }
        let again = try? Claimant(name: claimant.name, email: claimant.email, consent: true)
        if again != claimant { fatalError("A checked claimant changed or was refused when checked again.") }
    }
}
#endif
