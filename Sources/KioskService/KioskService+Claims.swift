import HTTPCore
import KioskAPI
import KioskCore
import KioskStore

extension KioskService {
    /// `POST /api/v1/claims`: checks the code and the learner's details, then queues a durable write.
    ///
    /// The response is built and sent by the store's completion after the commit, so a 201 always
    /// means the claim and its outbox rows are on disk.
    func submitClaim(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let body = try JSON.decode(ClaimRequest.self, from: request)
        let now = Timestamp.now()
        let entry: CodeBook.Entry
        switch matchCode(body.code ?? "", for: request, at: now) {
        case .wait(let seconds): throw .tooManyAttempts(retryAfter: seconds)
        case .missing:
            throw APIError(FieldError(field: "code", code: "code_missing", message: "Please type the code you were given."))
        case .unknown: throw .unknownCode
        case .found(let found): entry = found
        }
        let claimant: Claimant
        do {
            let later = body.emailLater == true && (body.email ?? "").trimmingWhitespace().isEmpty
            claimant = later ? try Claimant(name: body.name, consent: body.consent)
                             : try Claimant(name: body.name, email: body.email, consent: body.consent)
        } catch {
            // The code comes first: one that can no longer be used is said before any field, so a
            // code checked on its own (as the front does) is refused before anyone types a name.
            throw unusableCode(entry, at: now) ?? APIError(error)
        }
        let share = claimShare(for: request, code: entry, at: now)
        let publicURL = publicURL
        queueClaim(claimant, for: entry, at: now, share: share) {
            writer.send(Self.response(for: $0, share: share, publicURL: publicURL, celebrate: $1))
        }
    }

    /// What became of a code someone gave, after the guessing limits.
    enum CodeMatch<Found> {
        case found(Found)
        case missing
        case unknown
        /// Too many wrong codes, from this address or from everyone: wait this many seconds.
        case wait(Int64)

        /// The same answer, with what was found turned into what the caller needs of it.
        func map<Other>(_ transform: (Found) -> Other) -> CodeMatch<Other> {
            switch self {
            case .found(let found): .found(transform(found))
            case .missing: .missing
            case .unknown: .unknown
            case .wait(let seconds): .wait(seconds)
            }
        }
    }

    /// Matches a QR token or short code. A phone's attempt spends its
    /// address's budget, and a short code the service-wide one too; the front's (staff) do not, so
    /// no one on the Wi-Fi can lock the kiosk. The JSON API and the claim page share these limits.
    func matchCode(_ given: String, for request: HTTPRequest, at now: Timestamp) -> CodeMatch<CodeBook.Entry> {
        match(given, for: request, at: now, guessable: !RandomToken.looksLikeClaimToken(given.trimmingWhitespace())) {
            codes.find($0)
        }
    }

    /// A code `find` looks up, under the guessing limits; `guessable` for a short code, which also spends
    /// the service-wide budget.
    func match<Found, Failure: Error>(_ given: String, for request: HTTPRequest, at now: Timestamp, guessable: Bool,
                                      find: (String) throws(Failure) -> Found?) throws(Failure) -> CodeMatch<Found> {
        let trimmed = given.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .missing }
        let limited = !isStaff(request)
        let address = request.remoteAddress
        if limited, let wait = limits.withLock({ $0.admitCode(from: address, guessable: guessable, now: now) }) {
            return .wait(wait)
        }
        guard let found = try find(trimmed) else { return .unknown }
        if limited { limits.withLock { $0.codeMatched(from: address, guessable: guessable, admittedAt: now) } }
        return .found(found)
    }

    /// The refusal for a code that has expired or filled up since it was made; nil while it can be used
    /// (or when it cannot be read just now: the claim itself then decides).
    func unusableCode(_ entry: CodeBook.Entry, at now: Timestamp) -> APIError? {
        guard let code = try? store.code(id: entry.codeID) else { return nil }
        if now >= code.expiresAt { return .codeExpired }
        if code.claimed >= code.maxClaims { return .codeUsedUp }
        return nil
    }

    /// A sender's share of the new claims a code admits: a phone may make a few (a family sharing
    /// one), the front as many as the code allows.
    enum ClaimShare: Sendable {
        case unlimited
        /// A place is held for a new claim from `address`, admitted at `at`.
        case held(address: String, at: Timestamp)
        /// This address has made all the `allowed` new claims it may with this code: a repeat is still answered.
        case usedUp(retryAfter: Int64, allowed: Int)
    }

    func claimShare(for request: HTTPRequest, code entry: CodeBook.Entry, at now: Timestamp) -> ClaimShare {
        guard !isStaff(request) else { return .unlimited }
        let address = request.remoteAddress
        let (wait, allowed) = limits.withLock {
            ($0.admitClaim(from: address, code: entry.codeID, now: now), $0.settings.claimsPerAddressPerCode)
        }
        if let wait { return .usedUp(retryAfter: wait, allowed: allowed) }
        return .held(address: address, at: now)
    }

    /// Queues a checked claim; `completion` runs in the store's queue of answers once the outcome is durable,
    /// with the key that says yes to a "Well done" line when a new claim was offered one. A place held
    /// for a claim that did not become a new one is given back.
    func queueClaim(_ claimant: Claimant, for entry: CodeBook.Entry, at now: Timestamp, share: ClaimShare,
                    completion: @escaping @Sendable (Result<ClaimOutcome, StoreError>, _ celebrate: String?) -> Void) {
        var generator = SystemRandomNumberGenerator()
        var mayCreate = true
        if case .usedUp = share { mayCreate = false }
        let laterCode = claimant.hasEmail ? nil : ShortCode.generate(length: ShortCode.laterLength, using: &generator)
        // Drawn here, not in the completion: answers are made one after another once a batch commits.
        let celebrationKey = RandomToken.make(bytes: 12, using: &generator)
        let submission = ClaimSubmission(codeID: entry.codeID, claimant: claimant,
                                         newClaimID: RandomToken.claimID(at: now, using: &generator), at: now, mayCreate: mayCreate,
                                         laterCode: laterCode)
        let events = events
        let forwarding = forwarding
        let limits = limits
        store.submitClaim(submission) { [self] result in
            guard case .success(.created(let claim)) = result else {
                if case .failure(let error) = result { _ = storeFailed(error, doing: "save a claim") }
                if case .held(let address, let at) = share {
                    limits.withLock { $0.claimNotMade(from: address, code: entry.codeID, admittedAt: at) }
                }
                return completion(result, nil)
            }
            completion(result, offerCelebration(for: claim, key: celebrationKey, at: now))
            // Its awards are committed and due now: the forwarder sleeps until told so.
            forwarding.withLock { $0 }?.wake()
            events.publish(.claim, ClaimEvent(sessionId: claim.sessionID, codeId: claim.codeID))
        }
    }

    static func response(for result: Result<ClaimOutcome, StoreError>, share: ClaimShare, publicURL: String,
                         celebrate: String? = nil) -> HTTPResponse {
        switch result {
        case .success(.created(let claim)):
            JSON.response(.created, ClaimReply(claim, state: claim.isWaiting ? .waiting : .queued, publicURL: publicURL,
                                               celebrate: celebrate))
        case .success(.repeated(let claim, let state)): JSON.response(.ok, ClaimReply(claim, state: state))
        case .success(.expired): JSON.response(.codeExpired)
        case .success(.usedUp): JSON.response(.codeUsedUp)
        case .success(.tooManyFromAddress): JSON.response(.tooManyClaims(share))
        case .success(.unknownCode): JSON.response(.unknownCode)
        case .failure: JSON.response(.storeFailed)
        }
    }
}

extension KioskService.ClaimShare {
    /// Seconds until the sender may make another new claim with the code (1 when it already may).
    var retryAfter: Int64 {
        if case .usedUp(let seconds, _) = self { return seconds }
        return 1
    }

    /// The new claims one phone may make with a code; nil when this sender has no limit.
    var allowed: Int? {
        switch self {
        case .usedUp(_, let allowed): allowed
        case .held, .unlimited: nil
        }
    }
}
