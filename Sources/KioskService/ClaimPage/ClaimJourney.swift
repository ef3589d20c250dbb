/// Which way through the claim page's questions a learner goes, so both ways share one set of
/// question pages, one email check and one consent step.
enum ClaimJourney: Sendable, Equatable {
    /// `/c/{token}`: start, name, email, check, consent; it ends in a new claim.
    case claim
    /// `/e/{code}`: the learner's badge is kept for them (docs/ARCHITECTURE.md §4.8). Their name is
    /// already known, so the email, its check and consent; it ends in the email added to that claim.
    case addEmail(sessionTitle: String)

    /// The steps in order; the first is the page a visit starts at.
    var steps: [ClaimStep] {
        self == .claim ? ClaimStep.allCases : [.email, .check, .consent]
    }

    /// Only a new claim can be made without an email: adding one is the whole point of `/e/`.
    var offersNoEmail: Bool { self == .claim }

    /// "Step 1 of 4": the questions are numbered; the start page is not.
    func number(of step: ClaimStep) -> Int? {
        questions.firstIndex(of: step).map { $0 + 1 }
    }

    var questionCount: Int { questions.count }

    /// Where Back goes: the step before, none from the first.
    func previous(_ step: ClaimStep) -> ClaimStep? {
        guard let index = steps.firstIndex(of: step), index > 0 else { return nil }
        return steps[index - 1]
    }

    private var questions: [ClaimStep] { steps.filter { $0 != .start } }
}
