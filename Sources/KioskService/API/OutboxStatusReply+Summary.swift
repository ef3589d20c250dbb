import Issuers
import KioskAPI
import KioskCore
import KioskStore

/// The outbox view made from the store's summary and the forwarder's state.
extension OutboxStatusReply {
    init(_ summary: OutboxSummary, status: ForwarderStatus?, now: Timestamp) {
        let count = { (state: Award.State) in summary.counts[state] ?? 0 }
        let unsure = summary.unsure.map { award in
            let path = "/api/v1/outbox/\(award.id)/"
            return Unsure(award: award.id, badge: award.badgeID, badgeName: award.badgeName, email: award.email,
                          claim: award.claimID, claimedAt: award.claimedAt.date, since: award.since.date,
                          error: award.reason,
                          message: award.advice(issuer: status?.issuer) + " Then choose Send again or It arrived.",
                          actions: Unsure.Actions(resend: path + "resend", arrived: path + "arrived"))
        }
        self.init(
            counts: Counts(queued: count(.queued), sending: count(.sending), sent: count(.sent), failed: count(.failed),
                           unsure: count(.unsure), waiting: count(.waiting), lapsed: count(.lapsed)),
            oldestQueuedAt: summary.oldestQueuedAt?.date,
            oldestQueuedAgeSeconds: summary.oldestQueuedAt.map { max(0, (now.milliseconds - $0.milliseconds) / 1000) },
            lastErrors: summary.lastErrors.map { LastError(award: $0.awardID, badge: $0.badgeID, error: $0.error, at: $0.at.date) },
            unsure: unsure,
            forwarding: Self.forwarding(status, unsettled: count(.queued) + count(.sending), unsure: count(.unsure)))
    }

    /// `unsettled` counts the awards queued or being sent, which includes any whose outcome is only in memory.
    private static func forwarding(_ status: ForwarderStatus?, unsettled: Int, unsure: Int) -> Forwarding {
        guard let status, let kind = status.issuer else {
            return Forwarding(issuer: nil, state: .off,
                              message: "No issuer is configured. Claims are kept and will be sent once one is set.",
                              pausedUntil: nil, inFlight: 0)
        }
        if let until = status.pausedUntil {
            return Forwarding(issuer: kind.rawValue, state: .paused,
                              message: "Sending to \(kind.displayName) is paused until \(until.iso8601): "
                                  + (status.lastProblem ?? "the issuer asked us to wait."),
                              pausedUntil: until.date, inFlight: status.inFlight)
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
        return Forwarding(issuer: kind.rawValue, state: .sending, message: message, pausedUntil: nil, inFlight: status.inFlight)
    }
}
