/// An award the simulator received and kept, as `GET /_sim/awards` lists it.
public struct SimulatedAward: Sendable, Equatable {
    /// Where the learner stands with it, as the issuer's acceptance answers report.
    public enum Status: String, Sendable, Equatable {
        /// Until a test or demo marks it otherwise (`POST /_sim/accept`).
        case pending
        case accepted
        case revoked
    }

    /// The OBF event id, Badgr assertion entity id or Navigatr assertion number handed back.
    public var id: String
    public var badge: String
    /// As sent (OBF: from "Name <email>"; Badgr: the recipient identity; Navigatr: `recipient_email`).
    public var email: String
    /// OBF's name, or Navigatr's first name; Badgr assertions carry no name.
    public var name: String
    /// `obf`, `badgr` or `navigatr`.
    public var api: String
    /// The claim id from OBF's log entry, when sent.
    public var claim: String?
    /// Unix seconds (OBF) or the ISO-8601 text (Badgr), as sent; when Navigatr made it (ISO-8601).
    public var issuedOn: String
    public var status = Status.pending
    /// The simulated clock (Unix seconds) when `status` last changed; nil while pending from the start.
    public var statusChangedAt: Double?

    public init(id: String, badge: String, email: String, name: String, api: String, claim: String?, issuedOn: String) {
        self.id = id
        self.badge = badge
        self.email = email
        self.name = name
        self.api = api
        self.claim = claim
        self.issuedOn = issuedOn
    }
}
