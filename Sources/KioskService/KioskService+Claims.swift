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
        let entry: CodeBook.Entry
        switch matchCode(body.code ?? "", from: request.remoteAddress, at: now) {
        case .wait(let seconds): throw .tooManyAttempts(retryAfter: seconds)
        case .missing:
            throw APIError(FieldError(field: "code", code: "code_missing", message: "Please type the code you were given."))
        case .unknown: throw .unknownCode
        case .found(let found): entry = found
        }
        let claimant: Claimant
        do {
            claimant = try Claimant(name: body.name, email: body.email, consent: body.consent)
        } catch {
            throw APIError(error)
        }
        queueClaim(claimant, for: entry, at: now) { writer.send(Self.response(for: $0)) }
    }

    /// What became of a code someone gave, after the per-address guessing limit.
    enum CodeMatch {
        case found(CodeBook.Entry)
        case missing
        case unknown
        /// This address made too many wrong guesses: it must wait this many seconds.
        case wait(Int64)
    }

    /// Matches a QR token or short code, counting a miss against `address` (DESIGN.md §4.4).
    /// The JSON API and the phone claim page both go through here, so they share one limit.
    func matchCode(_ given: String, from address: String, at now: Timestamp) -> CodeMatch {
        if let wait = limiter.withLock({ $0.retryAfter(for: address, now: now) }) { return .wait(wait) }
        guard !given.trimmingWhitespace().isEmpty else { return .missing }
        guard let entry = codes.find(given) else {
            limiter.withLock { $0.recordFailure(for: address, now: now) }
            return .unknown
        }
        return .found(entry)
    }

    /// Queues a checked claim; `completion` runs on the store's writer thread once the outcome is durable.
    func queueClaim(_ claimant: Claimant, for entry: CodeBook.Entry, at now: Timestamp,
                    completion: @escaping @Sendable (Result<ClaimOutcome, StoreError>) -> Void) {
        var generator = SystemRandomNumberGenerator()
        let submission = ClaimSubmission(codeID: entry.codeID, claimant: claimant,
                                         newClaimID: RandomToken.claimID(using: &generator), at: now)
        let events = events
        let forwarding = forwarding
        store.submitClaim(submission) { [self] result in
            if case .failure(let error) = result { _ = storeFailed(error, doing: "save a claim") }
            completion(result)
            if case .success(.created(let claim)) = result {
                // Its awards are committed and due now: the forwarder sleeps until told so.
                forwarding.withLock { $0 }?.wake()
                events.publish(.init(kind: "claim", json: #"{"sessionId":\#(claim.sessionID),"codeId":\#(claim.codeID)}"#))
            }
        }
    }

    static func response(for result: Result<ClaimOutcome, StoreError>) -> HTTPResponse {
        switch result {
        case .success(.created(let claim)): JSON.response(.created, Bodies.ClaimReply(claim, state: .queued))
        case .success(.repeated(let claim, let state)): JSON.response(.ok, Bodies.ClaimReply(claim, state: state))
        case .success(.expired): JSON.response(.codeExpired)
        case .success(.usedUp): JSON.response(.codeUsedUp)
        case .success(.unknownCode): JSON.response(.unknownCode)
        case .failure: JSON.response(.storeFailed)
        }
    }
}
