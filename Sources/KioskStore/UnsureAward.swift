import KioskCore

/// An award waiting for staff: it may or may not have reached an issuer that cannot be asked.
///
/// Carries the learner's email because staff need it to find the award in the issuer's own
/// records; it is shown only to staff and never logged.
public struct UnsureAward: Sendable, Equatable {
    public var id: Int64
    public var claimID: String
    public var badgeID: String
    /// The badge's name in the local catalogue, or its id when the catalogue has no such badge.
    public var badgeName: String
    /// Nil once erased (it cannot be while the award is unsure, but the column allows it).
    public var email: String?
    /// When the learner claimed.
    public var claimedAt: Timestamp
    /// When the unclear attempt ended.
    public var since: Timestamp
    /// What went wrong, in the forwarder's plain words.
    public var reason: String

    public init(id: Int64, claimID: String, badgeID: String, badgeName: String, email: String?,
                claimedAt: Timestamp, since: Timestamp, reason: String) {
        self.id = id
        self.claimID = claimID
        self.badgeID = badgeID
        self.badgeName = badgeName
        self.email = email
        self.claimedAt = claimedAt
        self.since = since
        self.reason = reason
    }
}
