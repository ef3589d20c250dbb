import KioskCore

/// The issue time sent with an award: when the learner claimed, but never later than the issuer's
/// own clock, which refuses times in its future (badgr-server: "Only issuedOn dates in the past are
/// acceptable.").
///
/// Awards usually go out within a second of the claim, so a kiosk clock even slightly ahead of the
/// issuer's would otherwise have every award refused.
public enum IssueTime {
    /// Kept between the time sent and the issuer's "now": its `Date` header has whole seconds, and
    /// the request takes a moment to arrive.
    public static let marginSeconds: Int64 = 5

    /// The time to send for an award claimed at `claimedAt`, when the issuer's clock reads about
    /// `issuerNow`. A claim stored under a clock that had lost the date (before
    /// `Timestamp.earliestPlausible`) goes out as "just now": the award was sent soon after it was
    /// claimed, which is closer to the truth than 1970.
    public static func forAward(claimedAt: Timestamp, issuerNow: Timestamp) -> Timestamp {
        let latest = issuerNow.adding(seconds: -marginSeconds)
        guard claimedAt >= Timestamp.earliestPlausible else { return latest }
        return min(claimedAt, latest)
    }
}
