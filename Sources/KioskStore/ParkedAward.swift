import KioskCore

/// An award parked for staff: `unsure` (it may or may not have reached an issuer that cannot be
/// asked) or `failed` (the issuer refused it).
///
/// Carries the learner's name and email because staff need them to find the award in the issuer's
/// own records or to issue it by hand; they are shown only to staff and never logged.
public struct ParkedAward: Sendable, Equatable {
    public var id: Int64
    public var claimID: String
    public var badgeID: String
    /// The badge's name in the local catalogue, or its id when the catalogue has no such badge.
    public var badgeName: String
    /// Nil once erased (the purge keeps them while an award is parked, but the columns allow it).
    public var name: String?
    public var email: String?
    /// When the learner claimed.
    public var claimedAt: Timestamp
    /// When the award was parked.
    public var since: Timestamp
    /// What went wrong, in the forwarder's plain words or the issuer's.
    public var reason: String

    public init(id: Int64, claimID: String, badgeID: String, badgeName: String, name: String? = nil, email: String?,
                claimedAt: Timestamp, since: Timestamp, reason: String) {
        self.id = id
        self.claimID = claimID
        self.badgeID = badgeID
        self.badgeName = badgeName
        self.name = name
        self.email = email
        self.claimedAt = claimedAt
        self.since = since
        self.reason = reason
    }
}
