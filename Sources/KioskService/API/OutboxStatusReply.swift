import Issuers
import KioskCore
import KioskStore

/// The body of `GET /api/v1/outbox`: the counts every client relies on, plus the forwarder's state in plain words.
struct OutboxStatusReply: Encodable {
    struct LastError: Encodable {
        var award: Int64
        var badge: String
        var error: String
        var at: String
    }

    /// An award waiting for staff to check the issuer's own records (staff only, so the email is shown).
    struct Unsure: Encodable {
        struct Actions: Encodable {
            var resend: String
            var arrived: String
        }

        var award: Int64
        var badge: String
        var badgeName: String
        var email: String?
        var claim: String
        var claimedAt: String
        var since: String
        var error: String
        /// What to check and the two choices, in plain words.
        var message: String
        /// Where to POST each choice.
        var actions: Actions
    }

    struct Forwarding: Encodable {
        /// `obf`, `badgr`, `navigatr`, or nil with no issuer configured.
        var issuer: String?
        /// `sending`, `paused` or `off`.
        var state: String
        var message: String
        var pausedUntil: String?
        var inFlight: Int
    }

    var counts: [String: Int]
    var oldestQueuedAt: String?
    var oldestQueuedAgeSeconds: Int64?
    var lastErrors: [LastError]
    /// The longest-waiting unsure awards first (the count of all is `counts.unsure`).
    var unsure: [Unsure]
    var forwarding: Forwarding

    init(_ summary: OutboxSummary, status: ForwarderStatus?, now: Timestamp) {
        counts = Dictionary(uniqueKeysWithValues: Award.State.allCases.map { ($0.rawValue, summary.counts[$0] ?? 0) })
        oldestQueuedAt = summary.oldestQueuedAt?.iso8601
        oldestQueuedAgeSeconds = summary.oldestQueuedAt.map { max(0, (now.milliseconds - $0.milliseconds) / 1000) }
        lastErrors = summary.lastErrors.map { LastError(award: $0.awardID, badge: $0.badgeID, error: $0.error, at: $0.at.iso8601) }
        unsure = summary.unsure.map { award in
            let path = "/api/v1/outbox/\(award.id)/"
            return Unsure(award: award.id, badge: award.badgeID, badgeName: award.badgeName, email: award.email,
                          claim: award.claimID, claimedAt: award.claimedAt.iso8601, since: award.since.iso8601,
                          error: award.reason,
                          message: award.advice(issuer: status?.issuer) + " Then choose Send again or It arrived.",
                          actions: Unsure.Actions(resend: path + "resend", arrived: path + "arrived"))
        }
        forwarding = Self.forwarding(status, unsettled: (summary.counts[.queued] ?? 0) + (summary.counts[.sending] ?? 0),
                                     unsure: summary.counts[.unsure] ?? 0)
    }

    /// `unsettled` counts the awards queued or being sent, which includes any whose outcome is only in memory.
    private static func forwarding(_ status: ForwarderStatus?, unsettled: Int, unsure: Int) -> Forwarding {
        guard let status, let kind = status.issuer else {
            return Forwarding(issuer: nil, state: "off",
                              message: "No issuer is configured. Claims are kept and will be sent once one is set.",
                              pausedUntil: nil, inFlight: 0)
        }
        if let until = status.pausedUntil {
            return Forwarding(issuer: kind.rawValue, state: "paused",
                              message: "Sending to \(kind.displayName) is paused until \(until.iso8601): "
                                  + (status.lastProblem ?? "the issuer asked us to wait."),
                              pausedUntil: until.iso8601, inFlight: status.inFlight)
        }
        // An unsure award is not sent: never say everything was while one waits for staff.
        let message = if unsure > 0 {
            "\(unsure) award\(unsure == 1 ? "" : "s") may not have reached \(kind.displayName). "
                + "Staff need to check \(kind.recordsPlace) (see unsure)."
        } else if status.unsaved > 0 {
            "\(status.unsaved) award(s) reached \(kind.displayName), but the kiosk could not save that yet. "
                + "It keeps trying, and sends none of them twice."
        } else if unsettled == 0 && status.inFlight == 0 {
            "Everything has been sent to \(kind.displayName)."
        } else {
            "Sending to \(kind.displayName)."
        }
        return Forwarding(issuer: kind.rawValue, state: "sending", message: message, pausedUntil: nil, inFlight: status.inFlight)
    }
}
