import KioskCore

/// A sent award as an acceptance check sees it: the issuer's own reference for it, and whom and when it went to.
public struct SentAward: Sendable, Equatable {
    /// The award's row id.
    public var id: Int64
    /// The issuer's id for it (OBF: the event id; Navigatr: the issued badge's number).
    public var reference: String
    public var badgeID: String
    /// Lower-cased; nil once the retention purge has erased it.
    public var email: String?
    /// When it was recorded as sent.
    public var sentAt: Timestamp
    /// When the issuer was last asked about it; nil before the first check.
    public var checkedAt: Timestamp?

    public init(id: Int64, reference: String, badgeID: String, email: String?, sentAt: Timestamp, checkedAt: Timestamp?) {
        self.id = id
        self.reference = reference
        self.badgeID = badgeID
        self.email = email
        self.sentAt = sentAt
        self.checkedAt = checkedAt
    }
}
