import KioskCore

/// The last error an award met on its way to the issuer.
public struct AwardError: Sendable, Equatable {
    public var awardID: Int64
    public var badgeID: String
    public var error: String
    /// When the award was last updated, which is when the error was recorded.
    public var at: Timestamp

    public init(awardID: Int64, badgeID: String, error: String, at: Timestamp) {
        self.awardID = awardID
        self.badgeID = badgeID
        self.error = error
        self.at = at
    }
}
