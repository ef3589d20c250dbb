import KioskCore
import TerminalUI

/// Volunteer mode's "Add an email to a waiting claim": pick the learner, type the address, and
/// the claim's badges go.
extension Front {
    /// Keys on the waiting list and on the email typed for one of its claims.
    static func waitingKey(_ model: inout FrontModel, _ state: inout VolunteerState, _ key: Key) -> [FrontEffect] {
        switch state.page {
        case .waiting(let claims):
            if key == .escape { return back(&state, to: .menu) }
            guard let claims, !claims.isEmpty else { return [] }
            if moveSelection(&state.selection, count: claims.count, key) { return [] }
            guard key == .enter, state.selection < claims.count else { return [] }
            state.field = TextField(.noSpaces, maxLength: Claimant.maxEmailLength)
            state.message = nil
            state.page = .waitingEmail(claims[state.selection])
        case .waitingEmail(let claim):
            if key == .escape {
                state.page = .waiting(nil)
                state.message = nil
                return [.loadWaiting]
            }
            guard key == .enter else { return edit(&state, key) }
            do {
                let email = try Claimant.checkEmail(state.field.text)
                state.busy = true
                state.message = nil
                return [.addLaterEmail(claim, email: email)]
            } catch {
                state.message = Message(error)
            }
        default:
            break
        }
        return []
    }

    /// The waiting list arrived (or could not be read).
    static func waitingLoaded(_ model: inout FrontModel, _ result: Result<[WaitingInfo], ServiceFailure>) {
        volunteer(&model) { state in
            guard case .waiting = state.page else { return }
            switch result {
            case .success(let claims):
                state.page = .waiting(claims)
                state.selection = min(state.selection, max(0, claims.count - 1))
            case .failure(let failure):
                state.page = .waiting([])
                state.message = Message(failure)
            }
        }
    }

    /// The service added the email (or refused it): back to the list, fresh, saying what happened.
    static func laterEmailAdded(_ model: inout FrontModel, _ claim: WaitingInfo, email: String,
                                _ result: Result<LaterAdded, ServiceFailure>) -> [FrontEffect] {
        guard case .volunteer(var state) = model.screen, case .waitingEmail(let shown) = state.page, shown == claim,
              state.busy else { return [] }
        state.busy = false
        var effects: [FrontEffect] = []
        switch result {
        case .success(let added):
            state.page = .waiting(nil)
            state.selection = 0
            state.message = added.alreadyClaimed
                ? .news("front.waiting.already")
                : .news("front.waiting.added", ["name": claim.name, "email": email])
            effects = [.loadWaiting]
        case .failure(let failure):
            state.message = Message(failure)
        }
        model.screen = .volunteer(state)
        return effects
    }
}
