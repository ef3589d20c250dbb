import Foundation
import QRCode

extension ServiceClient {
    /// Carries out one effect and answers with what the model needs to hear.
    func perform(_ effect: FrontEffect, slipDirectory: String) -> ServiceReply? {
        switch effect {
        case .loadSessions: .sessions(sessions())
        case .checkCode(let short): .codeChecked(short, checkCode(short))
        case .submitClaim(let code, let name, let email):
            .claimed(call("POST", "/api/v1/claims", body: ["code": code, "name": name, "email": email, "consent": true])
                .map(Self.receipt))
        case .loadBadges: .badges(badges())
        case .startSession(let title, let badges, let expected):
            .sessionStarted(call("POST", "/api/v1/sessions", body: ["title": title, "badges": badges, "expected": expected])
                .map { ($0.object("session")?["id"] as? NSNumber)?.int64Value ?? 0 })
        case .endSession(let id):
            .sessionEnded(id, call("POST", "/api/v1/sessions/\(id)/end").flatMap { answer in
                answer.object("code").flatMap(Self.code).map { .success($0) } ?? .failure(Self.malformed)
            })
        case .makeSlips(let session, let count): .slips(slips(session: session, count: count, directory: slipDirectory))
        case .setLimit(let session, let maxClaims):
            .limitSet(call("POST", "/api/v1/sessions/\(session)/limit", body: ["maxClaims": maxClaims]).flatMap { answer in
                answer.object("code").flatMap(Self.code).map { .success($0) } ?? .failure(Self.malformed)
            })
        case .loadOutbox: .outbox(outbox())
        case .settleUnsure(let id, let choice):
            .settled(choice, call("POST", "/api/v1/outbox/\(id)/\(choice.rawValue)").map { _ in id })
        case .syncBadges: .synced(sync())
        case .quit: nil
        }
    }

    private static let malformed = ServiceFailure(status: 500, code: "malformed", message: "The kiosk service gave an answer the front does not understand.")

    private static func receipt(_ answer: Answer) -> ClaimReceipt {
        let claim = answer.object("claim")
        return ClaimReceipt(id: claim?["id"] as? String ?? "", sessionID: (claim?["sessionId"] as? NSNumber)?.int64Value ?? 0,
                            badgeIDs: claim?["badges"] as? [String] ?? [])
    }

    private static func code(_ object: [String: Any]) -> CodeInfo? {
        guard let token = object["token"] as? String, let short = object["short"] as? String,
              let url = object["url"] as? String else { return nil }
        return CodeInfo(token: token, short: short, url: url, maxClaims: object["maxClaims"] as? Int ?? 0,
                        claimed: object["claimed"] as? Int ?? 0)
    }

    /// Sessions, newest first, with how long ago each ended and today's claims.
    private func sessions() -> Result<SessionsSnapshot, ServiceFailure> {
        call("GET", "/api/v1/sessions").map { answer in
            let now = Date()
            let calendar = Calendar.current
            var today = 0
            let sessions: [SessionInfo] = (answer.json["sessions"] as? [[String: Any]] ?? []).compactMap { object in
                guard let id = (object["id"] as? NSNumber)?.int64Value else { return nil }
                let claimed = object["claimed"] as? Int ?? 0
                if let created = (object["createdAt"] as? String).flatMap(Self.date), calendar.isDate(created, inSameDayAs: now) {
                    today += claimed
                }
                let ended = (object["endedAt"] as? String).flatMap(Self.date)
                return SessionInfo(id: id, title: object["title"] as? String ?? "", expected: object["expected"] as? Int ?? 0,
                                   claimed: claimed, endedSecondsAgo: ended.map { max(0, now.timeIntervalSince($0)) },
                                   code: (object["code"] as? [String: Any]).flatMap(Self.code),
                                   badgeIDs: object["badges"] as? [String] ?? [])
            }
            return SessionsSnapshot(sessions: sessions, todayClaims: today)
        }
    }

    private static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// Asks the service about a code without claiming: it checks the code (known, not expired, not
    /// full) before the name, so a refusal of the (missing) name means the code can be used.
    private func checkCode(_ code: String) -> Result<Bool, ServiceFailure> {
        switch call("POST", "/api/v1/claims", body: ["code": code]) {
        case .failure(let failure) where failure.status == 400 && !failure.code.hasPrefix("code_"): .success(true)
        case .failure(let failure): .failure(failure)
        case .success: .success(true)
        }
    }

    private func badges() -> Result<[BadgeInfo], ServiceFailure> {
        call("GET", "/api/v1/badges").map { answer in
            (answer.json["badges"] as? [[String: Any]] ?? []).compactMap { object in
                guard let id = object["id"] as? String else { return nil }
                return BadgeInfo(id: id, name: object["name"] as? String ?? id)
            }
        }
    }

    private func outbox() -> Result<OutboxInfo, ServiceFailure> {
        call("GET", "/api/v1/outbox").map { answer in
            let counts = answer.json["counts"] as? [String: Int] ?? [:]
            let lastError = (answer.json["lastErrors"] as? [[String: Any]])?.first?["error"] as? String
            let unsure = (answer.json["unsure"] as? [[String: Any]] ?? []).compactMap { object -> UnsureInfo? in
                guard let id = (object["award"] as? NSNumber)?.int64Value else { return nil }
                return UnsureInfo(id: id, badgeName: object["badgeName"] as? String ?? object["badge"] as? String ?? "",
                                  email: object["email"] as? String ?? "")
            }
            return OutboxInfo(queued: counts["queued"] ?? 0, sending: counts["sending"] ?? 0, sent: counts["sent"] ?? 0,
                              failed: counts["failed"] ?? 0, lastError: lastError, unsureCount: counts["unsure"] ?? unsure.count,
                              unsure: unsure)
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

    /// Makes the codes, then saves each as a printable SVG: the QR code with the short code under it.
    private func slips(session: Int64, count: Int, directory: String) -> Result<SlipBatch, ServiceFailure> {
        call("POST", "/api/v1/sessions/\(session)/slips", body: ["count": count]).map { answer in
            let codes = (answer.json["codes"] as? [[String: Any]] ?? []).compactMap(Self.code)
            var batch = SlipBatch(codes: codes)
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                for code in codes {
                    let svg = try QRCode(text: code.url).svg(moduleSize: 8, caption: [code.short])
                    try svg.write(toFile: "\(directory)/slip-\(code.short).svg", atomically: true, encoding: .utf8)
                }
                batch.savedTo = directory
            } catch {
                batch.saveError = "\(error)"
            }
            return batch
        }
    }
}
