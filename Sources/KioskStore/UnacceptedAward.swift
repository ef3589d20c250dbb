import KioskCore

/// A sent award the learner has not accepted (as far as the issuer has said), for staff to follow up.
///
/// Carries the learner's first name and email because staff need them to remind the learner; they are
/// shown only to staff and never logged. Both are nil once the retention purge has erased them: the
/// award, its badge, session and times stay.
public struct UnacceptedAward: Sendable, Equatable {
    public var id: Int64
    /// Nil once erased by the retention purge.
    public var name: String?
    /// Nil once erased by the retention purge.
    public var email: String?
    public var badgeID: String
    /// The badge's name in the local catalogue, or its id when the catalogue has no such badge.
    public var badgeName: String
    public var sessionID: Int64
    public var sessionTitle: String
    /// When it was recorded as sent.
    public var sentAt: Timestamp
    /// When the issuer was last asked whether it was accepted; nil when never (Badgr is never asked).
    public var checkedAt: Timestamp?
    /// True when the issuer said it is not accepted; false when it has said nothing (not known).
    public var toldPending: Bool

    public init(id: Int64, name: String?, email: String?, badgeID: String, badgeName: String, sessionID: Int64,
                sessionTitle: String, sentAt: Timestamp, checkedAt: Timestamp?, toldPending: Bool) {
        self.id = id
        self.name = name
        self.email = email
        self.badgeID = badgeID
        self.badgeName = badgeName
        self.sessionID = sessionID
        self.sessionTitle = sessionTitle
        self.sentAt = sentAt
        self.checkedAt = checkedAt
        self.toldPending = toldPending
    }
}
