import Testing
@testable import KioskCore

@Suite("Programmes: when a completion badge is earned")
struct ProgrammeRulesTests {
    static let days = ["day-1", "day-2", "day-3", "day-4"]
    static let intro = Programme(id: 1, name: "Intro to Work", badgeIDs: days, completionBadgeID: "complete")

    @Test func allFourDaysEarnTheCompletion() {
        #expect(ProgrammeRules.completions(held: Set(Self.days), programmes: [Self.intro]) == ["complete"])
    }

    @Test(arguments: [[], ["day-1"], ["day-1", "day-2", "day-4"], ["day-2", "day-3", "day-4", "other"]])
    func anyDayMissingEarnsNothing(held: [String]) {
        #expect(ProgrammeRules.completions(held: Set(held), programmes: [Self.intro]).isEmpty)
    }

    @Test func aCompletionAlreadyHeldIsNotEarnedAgain() {
        #expect(ProgrammeRules.completions(held: Set(Self.days + ["complete"]), programmes: [Self.intro]).isEmpty)
    }

    @Test func noProgrammesEarnNothing() {
        #expect(ProgrammeRules.completions(held: Set(Self.days), programmes: []).isEmpty)
    }

    @Test func anEmptyProgrammeIsNeverCompleted() {
        let empty = Programme(id: 2, name: "Empty", badgeIDs: [], completionBadgeID: "free")
        #expect(ProgrammeRules.completions(held: [], programmes: [empty]).isEmpty)
    }

    @Test func severalCompletionsComeInProgrammeOrderAndOnlyOnce() {
        let cooking = Programme(id: 2, name: "Cooking", badgeIDs: ["cook-1", "cook-2"], completionBadgeID: "cook")
        let again = Programme(id: 3, name: "Intro again", badgeIDs: ["day-1", "day-2"], completionBadgeID: "complete")
        let held = Set(Self.days + ["cook-1", "cook-2"])
        #expect(ProgrammeRules.completions(held: held, programmes: [cooking, Self.intro, again]) == ["cook", "complete"])
        #expect(ProgrammeRules.completions(held: held, programmes: [again, Self.intro, cooking]) == ["complete", "cook"])
    }

    @Test func aCompletionCanCompleteAProgrammeBuiltOnIt() {
        let next = Programme(id: 2, name: "Into Work", badgeIDs: ["complete", "placement"], completionBadgeID: "into-work")
        // Listed before the programme it builds on, so only a second round can earn it.
        #expect(ProgrammeRules.completions(held: Set(Self.days + ["placement"]), programmes: [next, Self.intro])
                == ["complete", "into-work"])
    }
}

@Suite("Programme drafts")
struct ProgrammeDraftTests {
    @Test func acceptsAndTrims() throws {
        let draft = try ProgrammeDraft(name: "  Intro to Work ", badgeIDs: [" day-1", "day-2 "], completionBadgeID: " complete ")
        #expect(draft == (try ProgrammeDraft(name: "Intro to Work", badgeIDs: ["day-1", "day-2"], completionBadgeID: "complete")))
        #expect(draft.name == "Intro to Work")
        #expect(draft.badgeIDs == ["day-1", "day-2"])
        #expect(draft.completionBadgeID == "complete")
    }

    @Test(arguments: [
        (nil, ["a", "b"], "c", "name_missing"),
        ("\u{202E}Intro", ["a", "b"], "c", "name_invalid"),
        (String(repeating: "x", count: 121), ["a", "b"], "c", "name_too_long"),
        ("Intro", nil, "c", "badges_missing"),
        ("Intro", ["a", " "], "c", "badges_missing"),
        ("Intro", ["a"], "c", "badges_too_few"),
        ("Intro", (1...21).map { "day-\($0)" }, "c", "badges_too_many"),
        ("Intro", ["a", "b", "a"], "c", "badges_repeated"),
        ("Intro", ["a", "b"], nil, "completion_missing"),
        ("Intro", ["a", "b"], "  ", "completion_missing"),
        ("Intro", ["a", "b"], "b", "completion_required"),
    ] as [(String?, [String]?, String?, String)])
    func refuses(name: String?, badges: [String]?, completion: String?, code: String) {
        let error = #expect(throws: FieldError.self) {
            try ProgrammeDraft(name: name, badgeIDs: badges, completionBadgeID: completion)
        }
        #expect(error?.code == code)
        #expect(error?.message.isEmpty == false)
    }

    @Test func twentyBadgesAreAllowed() throws {
        let draft = try ProgrammeDraft(name: "Long", badgeIDs: (1...20).map { "day-\($0)" }, completionBadgeID: "done")
        #expect(draft.badgeIDs.count == 20)
    }
}
