import Foundation
import Issuers
import KioskAPI
import KioskCore
import KioskStore

/// Awards not accepted, made from the store one way for `GET /api/v1/awards/not-accepted` and
/// `badgekiosk outbox not-accepted` alike.
extension NotAcceptedReply {
    /// The days a listing may ask for: at least one, at most a year.
    public static let dayRange = 1...365
    /// The days asked for when none are given.
    public static let defaultDays = 7

    /// Sent awards not accepted `days` or more after sending, at `now`, the most recently sent first,
    /// with what `issuer` can do about them.
    public static func read(from store: KioskStore, days: Int, issuer: IssuerKind?, now: Timestamp,
                            calendar: Calendar = ReportPeriod.kioskCalendar) throws(StoreError) -> NotAcceptedReply {
        let found = try store.awardsNotAccepted(sentBefore: now.adding(seconds: -Int64(days) * 86_400))
        let awards = found.awards.map { award in
            Award(award: award.id, name: award.name, email: award.email, erased: award.email == nil, badge: award.badgeID,
                  badgeName: award.badgeName, session: award.sessionID, sessionTitle: award.sessionTitle,
                  sentAt: award.sentAt.date, sentDay: ReportPeriod.day(of: award.sentAt, calendar: calendar),
                  daysSince: Int(max(0, now.milliseconds - award.sentAt.milliseconds) / 86_400_000),
                  lastAskedAt: award.checkedAt?.date, answer: award.toldPending ? "not_accepted" : "not_known")
        }
        return NotAcceptedReply(days: days, issuer: issuer?.rawValue, canResend: issuer?.canResendEmail ?? false,
                                nextStep: issuer?.emailAgainNextStep ?? IssuerKind.noIssuerNextStep,
                                awards: awards, more: found.more)
    }
}
