/// The claim page's questions, one per page, in order (GOV.UK "question pages").
enum ClaimStep: String, CaseIterable, Sendable {
    case start, name, email, check, consent

    /// "Step 1 of 4": the questions are numbered; the start page is not.
    var number: Int? {
        switch self {
        case .start: nil
        case .name: 1
        case .email: 2
        case .check: 3
        case .consent: 4
        }
    }

    static let questionCount = 4

    /// Where Back goes.
    var previous: ClaimStep? {
        switch self {
        case .start: nil
        case .name: .start
        case .email: .name
        case .check: .email
        case .consent: .check
        }
    }
}
