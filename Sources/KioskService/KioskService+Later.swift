import HTTPCore
import KioskAPI
import KioskCore
import KioskStore

/// Claims by learners with no email yet (docs/ARCHITECTURE.md §4.8): adding the email later, and
/// the waiting list volunteers see.
extension KioskService {
    /// `POST /api/v1/claims/later`: the email for the claim waiting under `code`. Learners' later codes
    /// are guessed under the same limits as every short code; staff (the front) are not limited.
    func addLaterEmail(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let body = try JSON.decode(LaterEmailRequest.self, from: request)
        let now = Timestamp.now()
        let waiting: WaitingClaim
        switch try matchLaterCode(body.code ?? "", for: request, at: now) {
        case .wait(let seconds): throw .tooManyAttempts(retryAfter: seconds)
        case .missing:
            throw APIError(FieldError(field: "code", code: "code_missing", message: "Please type the code you were given."))
        case .unknown: throw .unknownCode
        case .found(let found): waiting = found
        }
        let email: String
        do throws(FieldError) {
            email = try Claimant.checkEmail(body.email.map(Claimant.removingSpaces))
            try Claimant.checkConsent(body.consent)
        } catch {
            throw APIError(error)
        }
        addEmail(email, to: waiting, at: now) { writer.send(Self.laterEmailResponse(for: $0)) }
    }

    /// The waiting claim whose later code `given` is, under the guessing limits.
    func matchLaterCode(_ given: String, for request: HTTPRequest, at now: Timestamp) throws(APIError) -> CodeMatch<WaitingClaim> {
        try match(given, for: request, at: now, guessable: true) { (typed) throws(APIError) in
            guard let code = ShortCode.normalize(typed), code.count == ShortCode.laterLength else { return nil }
            return try read { try store.waitingClaim(laterCode: code) }
        }
    }

    /// Adds the email in a durable write; `completion` gets the store's outcome once it is on disk, so
    /// the JSON API and the phone page (`/e/`) each answer in their own form. A claim now queued wakes
    /// the forwarder and is announced to the front.
    func addEmail(_ email: String, to waiting: WaitingClaim, at now: Timestamp,
                  completion: @escaping @Sendable (Result<LaterOutcome, StoreError>) -> Void) {
        let forwarding = forwarding
        let events = events
        store.addEmail(email, laterCode: waiting.laterCode, at: now) { [self] result in
            if case .failure(let error) = result { _ = storeFailed(error, doing: "add an email to a waiting claim") }
            completion(result)
            guard case .success(.added(let claim)) = result else { return }
            forwarding.withLock { $0 }?.wake()
            events.publish(.claim, ClaimEvent(sessionId: claim.sessionID, codeId: claim.codeID))
        }
    }

    /// The API's answer: 200 with the claim now queued, or the claim the learner had already made with that email.
    static func laterEmailResponse(for result: Result<LaterOutcome, StoreError>) -> HTTPResponse {
        switch result {
        case .success(.added(let claim)): JSON.response(.ok, ClaimReply(claim, state: .queued))
        case .success(.alreadyClaimed(let claim, let state)): JSON.response(.ok, ClaimReply(claim, state: state))
        case .success(.unknownCode): JSON.response(.unknownCode)
        case .failure: JSON.response(.storeFailed)
        }
    }

    /// `GET /api/v1/claims/waiting` (staff): names and later codes, for a volunteer to add the email.
    func waitingClaims() throws(APIError) -> HTTPResponse {
        let claims = try read { try store.waitingClaims() }
        return JSON.response(.ok, WaitingClaimsReply(claims: claims.map {
            .init(id: $0.claimID, name: $0.name, sessionId: $0.sessionID, sessionTitle: $0.sessionTitle,
                  claimedAt: $0.createdAt.date, code: ShortCode.display($0.laterCode))
        }))
    }
}
