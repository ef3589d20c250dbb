import HTTPKit
import KioskCore
import KioskStore

extension KioskService {
    /// `POST /api/v1/claims`: checks the code and the learner's details, then queues a durable write.
    ///
    /// The response is sent from the store's writer thread after the commit, so a 201 always
    /// means the claim and its outbox rows are on disk.
    func submitClaim(_ request: HTTPRequest, _ writer: HTTPResponseWriter) throws(APIError) {
        let body = try JSON.decode(Bodies.ClaimRequest.self, from: request)
        let now = Timestamp.now()
        let address = request.remoteAddress
        if let wait = limiter.withLock({ $0.retryAfter(for: address, now: now) }) {
            throw .tooManyAttempts(retryAfter: wait)
        }
        guard let given = body.code, !given.trimmingWhitespace().isEmpty else {
            throw APIError(FieldError(field: "code", code: "code_missing", message: "Please type the code you were given."))
        }
        guard let entry = codes.find(given) else {
            limiter.withLock { $0.recordFailure(for: address, now: now) }
            throw .unknownCode
        }
        let claimant: Claimant
        do {
            claimant = try Claimant(name: body.name, email: body.email, consent: body.consent)
        } catch {
            throw APIError(error)
        }
        var generator = SystemRandomNumberGenerator()
        let submission = ClaimSubmission(codeID: entry.codeID, claimant: claimant,
                                         newClaimID: RandomToken.claimID(using: &generator), at: now)
        let events = events
        store.submitClaim(submission) { result in
            writer.send(Self.response(for: result))
            if case .success(.created(let claim)) = result {
                events.publish(.init(kind: "claim", json: #"{"sessionId":\#(claim.sessionID),"codeId":\#(claim.codeID)}"#))
            }
        }
    }

    static func response(for result: Result<ClaimOutcome, StoreError>) -> HTTPResponse {
        switch result {
        case .success(.created(let claim)): JSON.response(.created, Bodies.ClaimReply(claim))
        case .success(.repeated(let claim)): JSON.response(.ok, Bodies.ClaimReply(claim))
        case .success(.expired): JSON.response(.codeExpired)
        case .success(.usedUp): JSON.response(.codeUsedUp)
        case .success(.unknownCode): JSON.response(.unknownCode)
        case .failure: JSON.response(.storeFailed)
        }
    }
}
