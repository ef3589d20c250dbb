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

    struct Forwarding: Encodable {
        /// `obf`, `badgr`, or nil with no issuer configured.
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
    var forwarding: Forwarding

    init(_ summary: OutboxSummary, status: ForwarderStatus?, now: Timestamp) {
        counts = Dictionary(uniqueKeysWithValues: Award.State.allCases.map { ($0.rawValue, summary.counts[$0] ?? 0) })
        oldestQueuedAt = summary.oldestQueuedAt?.iso8601
        oldestQueuedAgeSeconds = summary.oldestQueuedAt.map { max(0, (now.milliseconds - $0.milliseconds) / 1000) }
        lastErrors = summary.lastErrors.map { LastError(award: $0.awardID, badge: $0.badgeID, error: $0.error, at: $0.at.iso8601) }
        forwarding = Self.forwarding(status, unsettled: (summary.counts[.queued] ?? 0) + (summary.counts[.sending] ?? 0))
    }

    /// `unsettled` counts the awards queued or being sent, which includes any whose outcome is only in memory.
    private static func forwarding(_ status: ForwarderStatus?, unsettled: Int) -> Forwarding {
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
        let message = if status.unsaved > 0 {
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
