/// An admin's request to set up a programme, once checked.
public struct ProgrammeDraft: Sendable, Equatable {
    public static let maxNameLength = 120
    public static let minBadges = 2
    public static let maxBadges = 20

    public var name: String
    public var badgeIDs: [String]
    public var completionBadgeID: String

    /// Checks the name, the required badges (2 to 20, no repeats) and the completion badge (one
    /// that is not also required, or it could never be newly earned).
    public init(name: String?, badgeIDs: [String]?, completionBadgeID: String?) throws(FieldError) {
        self.name = try TextRules.clean(name, field: "name", label: "the programme's name", maxLength: Self.maxNameLength)
        let badges = (badgeIDs ?? []).map { $0.trimmingWhitespace() }
        guard !badges.isEmpty, badges.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 200 }) else {
            throw FieldError(field: "badges", code: "badges_missing",
                             message: "Choose the badges a learner needs to complete this programme.")
        }
        guard badges.count >= Self.minBadges else {
            throw FieldError(field: "badges", code: "badges_too_few",
                             message: "A programme needs at least \(Self.minBadges) badges. For one badge, use a session.")
        }
        guard badges.count <= Self.maxBadges else {
            throw FieldError(field: "badges", code: "badges_too_many",
                             message: "Choose at most \(Self.maxBadges) badges for one programme.")
        }
        guard Set(badges).count == badges.count else {
            throw FieldError(field: "badges", code: "badges_repeated", message: "Each badge can be chosen only once.")
        }
        self.badgeIDs = badges
        let completion = (completionBadgeID ?? "").trimmingWhitespace()
        guard !completion.isEmpty, completion.utf8.count <= 200 else {
            throw FieldError(field: "completion", code: "completion_missing",
                             message: "Choose the badge learners get for completing the programme.")
        }
        guard !badges.contains(completion) else {
            throw FieldError(field: "completion", code: "completion_required",
                             message: "The completion badge cannot also be one of the badges needed to complete the programme.")
        }
        self.completionBadgeID = completion
    }
}
