/// When a learner has completed a programme: the rule behind automatic completion badges.
public enum ProgrammeRules {
    /// The completion badge ids newly earned by a learner holding `held`: those of every programme
    /// whose required badges are all held and whose completion badge is not held yet.
    ///
    /// A completion badge may itself be required by another programme (a "Level 2" built on
    /// "Level 1"), so newly earned badges count as held until nothing more is earned. Each id appears
    /// once, in the order of `programmes` (then of the round that earned it), so the outbox order is stable.
    public static func completions(held: Set<String>, programmes: [Programme]) -> [String] {
        var holding = held
        var earned: [String] = []
        var progressed = true
        while progressed {
            progressed = false
            for programme in programmes where !holding.contains(programme.completionBadgeID) {
                // An empty list would award the badge to everyone; drafts refuse it, and so does this.
                guard !programme.badgeIDs.isEmpty, programme.badgeIDs.allSatisfy(holding.contains) else { continue }
                holding.insert(programme.completionBadgeID)
                earned.append(programme.completionBadgeID)
                progressed = true
            }
        }
        return earned
    }
}
