import Foundation

/// `GET /api/v1/awards/not-accepted?days=N` (staff): sent awards the learner has not accepted N days or
/// more after they were sent, the most recently sent first; `badgekiosk outbox not-accepted` prints the same.
///
/// It says whether the issuer can be asked to send its email again and, when it cannot (none of the
/// three documents a way), the next step for staff.
public struct NotAcceptedReply: Codable, Sendable, Equatable {
    /// One award not accepted (staff only, so the learner's first name and email are shown).
    public struct Award: Codable, Sendable, Equatable {
        public var award: Int64
        /// The learner's first name; left out once the retention purge has erased it.
        public var name: String?
        /// Left out once the retention purge has erased it.
        public var email: String?
        /// The retention purge has erased the name and email: only the award itself is left.
        public var erased: Bool
        public var badge: String
        public var badgeName: String
        public var session: Int64
        public var sessionTitle: String
        public var sentAt: Date
        /// The day it was sent, `YYYY-MM-DD` in the kiosk's time zone.
        public var sentDay: String
        /// Whole days since it was sent.
        public var daysSince: Int
        /// When the issuer was last asked whether it was accepted; left out when never asked.
        public var lastAskedAt: Date?
        /// `not_accepted` (the issuer said so: not yet, or turned down) or `not_known` (it has said nothing; Badgr never does).
        public var answer: String

        public init(award: Int64, name: String?, email: String?, erased: Bool, badge: String, badgeName: String, session: Int64,
                    sessionTitle: String, sentAt: Date, sentDay: String, daysSince: Int, lastAskedAt: Date?, answer: String) {
            self.award = award
            self.name = name
            self.email = email
            self.erased = erased
            self.badge = badge
            self.badgeName = badgeName
            self.session = session
            self.sessionTitle = sessionTitle
            self.sentAt = sentAt
            self.sentDay = sentDay
            self.daysSince = daysSince
            self.lastAskedAt = lastAskedAt
            self.answer = answer
        }
    }

    /// The days asked for: awards sent at least this long ago.
    public var days: Int
    /// `obf`, `badgr` or `navigatr`; left out when no issuer is configured.
    public var issuer: String?
    /// Whether the kiosk can ask the issuer to send its email again.
    public var canResend: Bool
    /// What staff can do instead, in plain words.
    public var nextStep: String
    public var awards: [Award]
    /// More awards match than the reply lists (it lists the most recently sent).
    public var more: Bool

    public init(days: Int, issuer: String?, canResend: Bool, nextStep: String, awards: [Award], more: Bool) {
        self.days = days
        self.issuer = issuer
        self.canResend = canResend
        self.nextStep = nextStep
        self.awards = awards
        self.more = more
    }
}
