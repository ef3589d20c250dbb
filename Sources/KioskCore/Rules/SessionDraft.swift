/// A volunteer's request to start a session, once checked.
public struct SessionDraft: Sendable, Equatable {
    public static let maxTitleLength = 120
    public static let maxBadges = 10
    public static let maxExpected = 1000

    public var title: String
    public var badgeIDs: [String]
    public var expected: Int

    /// Checks the title, the badge list (1 to 10, no repeats) and the expected number (1 to 1,000).
    public init(title: String?, badgeIDs: [String]?, expected: Int?) throws(FieldError) {
        self.title = try TextRules.clean(title, field: "title", label: "the session's title", maxLength: Self.maxTitleLength)
        let badges = (badgeIDs ?? []).map { $0.trimmingWhitespace() }
        guard !badges.isEmpty, badges.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 200 }) else {
            throw FieldError(field: "badges", code: "badges_missing", message: "Choose at least one badge for this session.")
        }
        guard badges.count <= Self.maxBadges else {
            throw FieldError(field: "badges", code: "badges_too_many",
                             message: "Choose at most \(Self.maxBadges) badges for one session.")
        }
        guard Set(badges).count == badges.count else {
            throw FieldError(field: "badges", code: "badges_repeated", message: "Each badge can be chosen only once.")
        }
        self.badgeIDs = badges
        guard let expected, (1...Self.maxExpected).contains(expected) else {
            throw FieldError(field: "expected", code: "expected_invalid",
                             message: "Say how many learners you expect: a number from 1 to \(Self.maxExpected).")
        }
        self.expected = expected
    }
}
