import HTTPCore
import KioskAPI
import KioskCore
import KioskStore

extension KioskService {
    /// `POST /api/v1/sessions`: starts a session with badges from the catalogue.
    func createSession(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let draft = try JSON.decode(SessionRequest.self, from: request) { body throws(FieldError) in
            try SessionDraft(title: body.title, badgeIDs: body.badges, expected: body.expected)
        }
        let known = Set(try read { try store.badges() }.map(\.id))
        if let unknown = draft.badgeIDs.first(where: { !known.contains($0) }) {
            throw APIError(.badRequest, "unknown_badge",
                           "There is no badge `\(unknown)` in the catalogue. Sync the badges or choose another.")
        }
        let publicURL = publicURL
        let events = events
        store.createSession(title: draft.title, badgeIDs: draft.badgeIDs, expected: draft.expected, at: .now()) { result in
            switch result {
            case .success(let session):
                let summary = SessionSummary(session: session, claimed: 0, code: nil)
                events.publish(.session, SessionEvent(id: session.id, change: .started))
                writer.send(JSON.response(.created, SessionReply(session: .init(summary, publicURL: publicURL))))
            case .failure(let error):
                writer.send(JSON.response(self.storeFailed(error, doing: "start a session")))
            }
        }
    }

    /// `POST /api/v1/sessions/{id}/end`: ends the session and answers with its claim code.
    func endSession(_ id: Substring, _ writer: any HTTPResponseWriter) throws(APIError) {
        let sessionID = try existingSession(id)
        let codes = codes
        let publicURL = publicURL
        let events = events
        store.endSession(id: sessionID, policy: configuration.codePolicy, at: .now()) { result in
            switch result {
            case .success(let code):
                codes.add(code)
                writer.send(JSON.response(.ok, CodeReply(code: .init(code, publicURL: publicURL))))
                events.publish(.session, SessionEvent(id: sessionID, change: .ended))
            case .failure(.notFound):
                writer.send(JSON.response(.notFound))
            case .failure(let error):
                writer.send(JSON.response(self.storeFailed(error, doing: "end a session")))
            }
        }
    }

    /// `POST /api/v1/sessions/{id}/slips`: single-use codes for printed slips, for learners without a phone.
    func makeSlips(_ id: Substring, _ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let sessionID = try existingSession(id)
        let body = try JSON.decode(SlipsRequest.self, from: request)
        guard let count = body.count, (1...200).contains(count) else {
            throw APIError(FieldError(field: "count", code: "count_invalid",
                                      message: "Say how many slips to make: a number from 1 to 200."))
        }
        let codes = codes
        let publicURL = publicURL
        store.makeSlipCodes(sessionID: sessionID, count: count, policy: configuration.codePolicy, at: .now()) { result in
            switch result {
            case .success(let made):
                made.forEach(codes.add)
                writer.send(JSON.response(.created, SlipsReply(codes: made.map { .init($0, publicURL: publicURL) })))
            case .failure(let error):
                writer.send(JSON.response(self.storeFailed(error, doing: "make slip codes")))
            }
        }
    }

    /// `POST /api/v1/sessions/{id}/limit`: lets more (or fewer) learners use the session's code, e.g.
    /// when more people came than expected. Never below the number who have already claimed.
    func setClaimLimit(_ id: Substring, _ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let sessionID = try existingSession(id)
        let body = try JSON.decode(LimitRequest.self, from: request)
        let most = CodePolicy.largestClaimLimit
        guard let maxClaims = body.maxClaims, (1...most).contains(maxClaims) else {
            throw APIError(FieldError(field: "maxClaims", code: "max_claims_invalid",
                                      message: "Say how many people may use the code in all: a number from 1 to \(most)."))
        }
        let publicURL = publicURL
        let events = events
        store.setClaimLimit(sessionID: sessionID, maxClaims: maxClaims) { result in
            switch result {
            case .success(.changed(let code)):
                writer.send(JSON.response(.ok, CodeReply(code: .init(code, publicURL: publicURL))))
                events.publish(.session, SessionEvent(id: sessionID, change: .limit))
            case .success(.noCode):
                writer.send(JSON.response(APIError(.conflict, "no_code",
                                                   "This session has not ended, so it has no code yet. End it first.")))
            case .success(.belowClaimed(let claimed)):
                writer.send(JSON.response(APIError(FieldError(
                    field: "maxClaims", code: "max_claims_invalid",
                    message: "\(claimed) people have already used the code. Choose a number from \(claimed) to \(most)."))))
            case .failure(.notFound):
                writer.send(JSON.response(.notFound))
            case .failure:
                writer.send(JSON.response(.storeFailed))
            }
        }
    }

    func sessionDetail(_ id: Substring) throws(APIError) -> SessionReply {
        let sessionID = try existingSession(id)
        guard let summary = try read({ try store.session(id: sessionID) }) else { throw .notFound }
        return SessionReply(session: .init(summary, publicURL: publicURL))
    }

    func listSessions() throws(APIError) -> SessionsReply {
        let summaries = try read { try store.sessions(limit: 100) }
        return SessionsReply(sessions: summaries.map { .init($0, publicURL: publicURL) })
    }

    /// The session id from the path; 404 when it is not a number or no such session exists.
    private func existingSession(_ text: Substring) throws(APIError) -> Int64 {
        guard let id = Int64(text), id > 0, try read({ try store.session(id: id) }) != nil else {
            throw APIError(.notFound, "unknown_session", "There is no session with that id.")
        }
        return id
    }
}
