import Foundation
import KioskAPI
import KioskCore
import QRCode

extension ServiceClient {
    /// Carries out one effect and answers with what the model needs to hear.
    func perform(_ effect: FrontEffect, slips options: SlipOptions) -> ServiceReply? {
        switch effect {
        case .loadSessions: .sessions(sessions())
        case .checkCode(let short): .codeChecked(short, checkCode(short))
        case .submitClaim(let code, let name, let email):
            // No email: the claim waits for one, under the later code the reply carries.
            .claimed(call("POST", "/api/v1/claims",
                          body: ClaimRequest(code: code, name: name, email: email.isEmpty ? nil : email, consent: true,
                                             emailLater: email.isEmpty ? true : nil),
                          reply: ClaimReply.self)
                .map { ClaimReceipt(id: $0.claim.id, sessionID: $0.claim.sessionId, badgeIDs: $0.claim.badges,
                                    later: $0.claim.later.map { LaterInfo(code: $0.code, url: $0.url) }, celebrate: $0.claim.celebrate) })
        case .celebrate(let key): .celebrated(celebrate(key))
        case .loadBadges: .badges(badges())
        case .startSession(let title, let badges, let expected):
            .sessionStarted(call("POST", "/api/v1/sessions", body: SessionRequest(title: title, badges: badges, expected: expected),
                                 reply: SessionReply.self).map(\.session.id))
        case .endSession(let id):
            .sessionEnded(id, call("POST", "/api/v1/sessions/\(id)/end", reply: CodeReply.self).map { CodeInfo($0.code) })
        case .makeSlips(let session, let count, let title, let language):
            .slips(call("POST", "/api/v1/sessions/\(session)/slips", body: SlipsRequest(count: count), reply: SlipsReply.self)
                .map { options.sheet(for: $0.codes.map(CodeInfo.init), session: session, title: title, language: language) })
        case .printSlips(let path): .printed(options.print(path))
        case .printLater(let later, let language): .laterPrinted(options.printLater(later, language: language))
        case .setLimit(let session, let maxClaims):
            .limitSet(call("POST", "/api/v1/sessions/\(session)/limit", body: LimitRequest(maxClaims: maxClaims),
                           reply: CodeReply.self).map { CodeInfo($0.code) })
        case .loadOutbox: .outbox(outbox())
        case .settleUnsure(let id, let choice):
            .settled(choice, call("POST", "/api/v1/outbox/\(id)/\(choice.rawValue)", reply: AwardReply.self).map(\.award.id))
        case .syncBadges: .synced(sync())
        case .loadWaiting:
            .waiting(call("GET", "/api/v1/claims/waiting", reply: WaitingClaimsReply.self).map { reply in
                reply.claims.map { WaitingInfo(id: $0.id, name: $0.name, sessionTitle: $0.sessionTitle, code: $0.code) }
            })
        case .addLaterEmail(let waiting, let email):
            .laterEmailAdded(waiting, email: email,
                             call("POST", "/api/v1/claims/later", body: LaterEmailRequest(code: waiting.code, email: email, consent: true),
                                  reply: ClaimReply.self).map { LaterAdded(alreadyClaimed: $0.claim.id != waiting.id) })
        case .loadReport(let view): .report(view, report(view))
        case .checkPIN(let typed, let hash): .pinChecked(hash.matches(typed))
        case .quit, .speak, .hush, .bell: nil
        }
    }

    /// Sessions, newest first, with how long ago each ended and today's claims, and the "Well done" lines
    /// (read together, so one live event refreshes the whole first screen).
    private func sessions() -> Result<SessionsSnapshot, ServiceFailure> {
        call("GET", "/api/v1/sessions", reply: SessionsReply.self).flatMap { reply in
            call("GET", "/api/v1/celebrations", reply: CelebrationsReply.self).map { (reply, $0.celebrations) }
        }.map { reply, celebrations in
            let now = Date()
            let calendar = Calendar.current
            let today = reply.sessions.filter { calendar.isDate($0.createdAt, inSameDayAs: now) }.reduce(0) { $0 + $1.claimed }
            let sessions = reply.sessions.map { session in
                SessionInfo(id: session.id, title: session.title, expected: session.expected, claimed: session.claimed,
                            endedSecondsAgo: session.endedAt.map { max(0, now.timeIntervalSince($0)) },
                            code: session.code.map(CodeInfo.init), badgeIDs: session.badges)
            }
            let lines = celebrations.map {
                CelebrationInfo(name: $0.name, sessionTitle: $0.sessionTitle, secondsLeft: max(0, $0.until.timeIntervalSince(now)))
            }
            return SessionsSnapshot(sessions: sessions, todayClaims: today, celebrations: lines)
        }
    }

    /// Says yes to a learner's "Well done" line: nil when it shows, else why not.
    private func celebrate(_ key: String) -> ServiceFailure? {
        if case .failure(let failure) = call("POST", "/api/v1/celebrations", body: CelebrateRequest(key: key),
                                              reply: CelebrateReply.self) {
            return failure
        }
        return nil
    }

    /// Asks the service about a code without claiming: it checks the code (known, not expired, not
    /// full) before the name, so a refusal of the (missing) name means the code can be used.
    private func checkCode(_ code: String) -> Result<Bool, ServiceFailure> {
        switch call("POST", "/api/v1/claims", body: ClaimRequest(code: code)) {
        case .failure(let failure) where failure.status == 400 && !failure.code.hasPrefix("code_"): .success(true)
        case .failure(let failure): .failure(failure)
        case .success: .success(true)
        }
    }

    private func badges() -> Result<[BadgeInfo], ServiceFailure> {
        call("GET", "/api/v1/badges", reply: BadgesReply.self).map { reply in
            reply.badges.map { BadgeInfo(id: $0.id, name: $0.name) }
        }
    }

    private func outbox() -> Result<OutboxInfo, ServiceFailure> {
        call("GET", "/api/v1/outbox", reply: OutboxStatusReply.self).map { reply in
            let counts = reply.counts
            return OutboxInfo(queued: counts.queued, sending: counts.sending, sent: counts.sent, failed: counts.failed,
                              lastError: reply.lastErrors.first?.error, unsureCount: counts.unsure,
                              unsure: reply.unsure.map { UnsureInfo(id: $0.award, badgeName: $0.badgeName, email: $0.email ?? "") },
                              waitingForEmail: counts.waiting)
        }
    }

    /// The report a Reports view shows: this month's sessions (from the first of the month, where
    /// this machine is, as the service counts days), every programme, or every month.
    private func report(_ view: ReportPage.View) -> Result<ReportFigures, ServiceFailure> {
        let query: String
        switch view {
        case .sessionsThisMonth: query = "by=session&from=" + ReportPeriod.firstDayOfMonth(of: .now())
        case .programmes: query = "by=programme"
        case .months: query = "by=month"
        }
        return call("GET", "/api/v1/reports?" + query, reply: ReportReply.self).map { reply in
            ReportFigures(rows: reply.rows.map(ReportLine.init), total: ReportLine(reply.total))
        }
    }

    /// Asks the service to fetch the issuer's badge list; nil when this service cannot (404).
    private func sync() -> Result<Int?, ServiceFailure> {
        switch call("POST", "/api/v1/badges/sync") {
        case .failure(let failure) where failure.status == 404 || failure.status == 405: return .success(nil)
        case .failure(let failure): return .failure(failure)
        case .success: return badges().map { $0.count }
        }
    }
}

extension CodeInfo {
    init(_ code: CodeDetail) {
        self.init(token: code.token, short: code.short, url: code.url, maxClaims: code.maxClaims, claimed: code.claimed,
                  expiresAt: code.expiresAt)
    }
}

extension ReportLine {
    init(_ row: ReportReply.Row) {
        self.init(label: row.label, expected: row.expected, claimed: row.claimed, sent: row.sent, accepted: row.accepted,
                  acceptanceRate: row.acceptanceRate)
    }
}
