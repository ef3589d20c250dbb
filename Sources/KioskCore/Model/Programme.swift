/// A course of several sessions (e.g. the 4 days of "Intro to Work") whose completion badge is
/// claimed for a learner automatically once they hold every one of its badges (docs/ARCHITECTURE.md §4.6).
public struct Programme: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// The issuer badge ids a learner must all hold, in the order the admin gave them.
    public var badgeIDs: [String]
    /// The issuer badge id awarded for holding all of `badgeIDs`.
    public var completionBadgeID: String

    public init(id: Int64, name: String, badgeIDs: [String], completionBadgeID: String) {
        self.id = id
        self.name = name
        self.badgeIDs = badgeIDs
        self.completionBadgeID = completionBadgeID
    }
}
