/// Claims counted by where they stand, as a report shows them: whole claims (one learner each), not
/// awards, so the figures compare with the number of learners expected.
public struct ClaimTally: Sendable, Equatable {
    public var claimed = 0
    /// Every award of the claim is at the issuer.
    public var sent = 0
    /// The issuer refused an award of the claim.
    public var failed = 0
    /// Kept for a learner with no email yet.
    public var waiting = 0
    /// Never sent: no email came before the retention purge.
    public var lapsed = 0
    /// Queued, being sent, or waiting for staff to check the issuer.
    public var onTheWay = 0
    /// Sent, and the issuer says the learner accepted every award of it.
    public var accepted = 0
    /// Sent claims whose issuer has said, for every award, whether it was accepted: the base of the
    /// acceptance rate. An issuer that cannot say (Badgr) never adds to it.
    public var acceptanceKnown = 0

    public init(claimed: Int = 0, sent: Int = 0, failed: Int = 0, waiting: Int = 0, lapsed: Int = 0, onTheWay: Int = 0,
                accepted: Int = 0, acceptanceKnown: Int = 0) {
        self.claimed = claimed
        self.sent = sent
        self.failed = failed
        self.waiting = waiting
        self.lapsed = lapsed
        self.onTheWay = onTheWay
        self.accepted = accepted
        self.acceptanceKnown = acceptanceKnown
    }

    /// Both tallies together.
    public static func + (lhs: ClaimTally, rhs: ClaimTally) -> ClaimTally {
        ClaimTally(claimed: lhs.claimed + rhs.claimed, sent: lhs.sent + rhs.sent, failed: lhs.failed + rhs.failed,
                   waiting: lhs.waiting + rhs.waiting, lapsed: lhs.lapsed + rhs.lapsed, onTheWay: lhs.onTheWay + rhs.onTheWay,
                   accepted: lhs.accepted + rhs.accepted, acceptanceKnown: lhs.acceptanceKnown + rhs.acceptanceKnown)
    }
}
