/// Programmes: a claim that finishes one also awards its completion badge, and the celebration says so.
extension Front {
    /// The badges `receipt` awards beyond its session's own: the completion badge of each programme
    /// it finished. Empty when the session is not among the loaded ones, since then nothing can be
    /// told apart, and a session badge must never be celebrated as a finished course.
    static func completionBadgeIDs(_ receipt: ClaimReceipt, sessions: [SessionInfo]) -> [String] {
        guard let session = sessions.first(where: { $0.id == receipt.sessionID }), !session.badgeIDs.isEmpty else {
            return []
        }
        return receipt.badgeIDs.filter { !session.badgeIDs.contains($0) }
    }

    /// The catalogue arrived: names for the completion badges the celebration is waiting on.
    ///
    /// A badge missing from the catalogue, or a catalogue that could not be read, leaves the
    /// celebration as it was: an id means nothing to a learner.
    static func completionsNamed(_ model: inout FrontModel, _ result: Result<[BadgeInfo], ServiceFailure>) {
        guard case .learner(var flow) = model.screen, flow.step == .done, !flow.completionIDs.isEmpty else { return }
        if case .success(let badges) = result {
            flow.completions = flow.completionIDs.compactMap { id in badges.first { $0.id == id && !$0.name.isEmpty }?.name }
        }
        flow.completionIDs = []
        model.screen = .learner(flow)
    }
}
