import HTTPCore
import KioskAPI
import KioskCore
import KioskStore

/// "Well done Amira!" on the kiosk's first screen, for learners who say yes (`Celebrations`): offered
/// to each new claim with an email under a random key only its claimer gets, kept in memory only.
extension KioskService {
    /// What came of a learner's yes.
    enum CelebrateOutcome: Equatable {
        case shown(Celebrations.Line)
        /// `celebrate_names = no`.
        case off
        /// No such key, or its 15 minutes or the line's 10 have passed.
        case unknown
    }

    /// Offers a new claim's learner a line under `key` (96 random bits, drawn before the claim was
    /// queued: this runs in the store's queue of answers); the key, or nil when names are not shown, the
    /// badge waits for an email (that learner's screen is about their code) or the name has nothing
    /// that may be shown.
    func offerCelebration(for claim: Claim, key: String, at now: Timestamp) -> String? {
        guard configuration.celebrateNames, !claim.isWaiting else { return nil }
        let offered = celebrations.withLock { $0.offer(key: key, name: claim.name, sessionID: claim.sessionID, at: now) }
        return offered ? key : nil
    }

    /// The learner with `key` said yes: their line shows, and the front hears of it at once.
    func celebrate(key: String) -> CelebrateOutcome {
        guard configuration.celebrateNames else { return .off }
        let now = Timestamp.now()
        let (line, shown) = celebrations.withLock { ($0.accept(key: key, at: now), $0.lines(at: now).count) }
        guard let line else { return .unknown }
        events.publish(.celebration, CelebrationEvent(shown: shown))
        return .shown(line)
    }

    /// `POST /api/v1/celebrations` `{"key": …}`: public, the key being what only the claimer holds.
    func celebrate(_ request: HTTPRequest) throws(APIError) -> HTTPResponse {
        let body = try JSON.decode(CelebrateRequest.self, from: request)
        let key = (body.key ?? "").trimmingWhitespace()
        guard !key.isEmpty else {
            throw APIError(FieldError(field: "key", code: "key_missing", message: "Send the key from the claim's reply."))
        }
        guard key.utf8.count <= 64 else {
            throw APIError(FieldError(field: "key", code: "key_invalid", message: "That is not a key this kiosk gives."))
        }
        switch celebrate(key: key) {
        case .shown(let line): return JSON.response(.ok, CelebrateReply(until: line.until.date))
        case .off: throw .celebrationsOff
        case .unknown: throw .notFound
        }
    }

    /// `GET /api/v1/celebrations` (staff): the lines showing now, with their sessions' titles.
    func celebrationLines() throws(APIError) -> HTTPResponse {
        let lines = configuration.celebrateNames ? celebrations.withLock { $0.lines(at: .now()) } : []
        var titles: [Int64: String] = [:]
        for id in Set(lines.map(\.sessionID)) {
            titles[id] = try read { try store.session(id: id)?.session.title }
        }
        return JSON.response(.ok, CelebrationsReply(celebrations: lines.map {
            .init(name: $0.name, sessionTitle: titles[$0.sessionID] ?? "", at: $0.at.date, until: $0.until.date)
        }))
    }
}

extension APIError {
    static let celebrationsOff = APIError(.conflict, "celebrations_off", "This kiosk does not show names on its screen.")
}
