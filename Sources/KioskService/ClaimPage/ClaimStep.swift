/// The claim page's questions, one per page (GOV.UK "question pages"); `ClaimJourney` says which
/// a learner meets, in what order.
enum ClaimStep: String, CaseIterable, Sendable {
    case start, name, email, check, consent
}
