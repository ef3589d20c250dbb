import KioskCore
import TerminalUI

extension Front {
    /// Keys on a learner's screen. Esc always goes one step back; nothing here leads out of the front.
    static func learnerKey(_ model: inout FrontModel, _ flow: inout LearnerFlow, _ key: Key) -> [FrontEffect] {
        switch flow.step {
        case .confirmSession:
            if moveSelection(&flow.selection, count: 2, key) { return [] }
            if key == .escape { reset(&model) }
            guard key == .enter else { return [] }
            if flow.selection == 0, let session = flow.session {
                flow.acceptedCode = session.code.token
                go(&flow, to: .name)
            } else {
                flow.acceptedCode = nil
                go(&flow, to: .code)
            }
        case .code:
            if flow.busy { return [] }
            if key == .escape {
                if flow.session != nil { go(&flow, to: .confirmSession) } else { reset(&model) }
                return []
            }
            if key == .enter {
                guard let short = ShortCode.normalize(flow.code.text) else {
                    flow.message = Message(flow.code.isEmpty ? "front.error.code_missing" : "front.code.wrongShape")
                    return []
                }
                flow.busy = true
                flow.message = nil
                return [.checkCode(short)]
            }
            if flow.code.handle(key) { flow.message = nil }
        case .name:
            if key == .escape {
                go(&flow, to: flow.acceptedCode == flow.session?.code.token ? .confirmSession : .code)
                return []
            }
            if key == .enter {
                do {
                    flow.cleanName = try TextRules.clean(flow.name.text, field: "name", label: "your first name",
                                                         maxLength: Claimant.maxNameLength)
                    go(&flow, to: .email)
                } catch {
                    flow.message = Message(error)
                }
                return []
            }
            if flow.name.handle(key) { flow.message = nil }
        case .email:
            if key == .escape {
                go(&flow, to: .name)
                return []
            }
            if key == .enter {
                do {
                    flow.cleanEmail = try Claimant.checkEmail(flow.email.text)
                    flow.suggestion = EmailSuggestion.suggest(for: flow.cleanEmail)
                    go(&flow, to: .confirmEmail)
                } catch {
                    flow.message = Message(error)
                }
                return []
            }
            if flow.email.handle(key) { flow.message = nil }
        case .confirmEmail:
            let choices = flow.suggestion == nil ? 2 : 3
            if moveSelection(&flow.selection, count: choices, key) { return [] }
            if key == .escape { go(&flow, to: .email) }
            guard key == .enter else { return [] }
            switch (flow.suggestion, flow.selection) {
            case (let suggestion?, 0):
                flow.cleanEmail = suggestion
                go(&flow, to: .consent)
            case (nil, 0), (_?, 1):
                go(&flow, to: .consent)
            default:
                go(&flow, to: .email)
            }
        case .consent:
            if moveSelection(&flow.selection, count: 2, key) { return [] }
            if key == .escape { go(&flow, to: .confirmEmail) }
            guard key == .enter else { return [] }
            if flow.selection == 0 { return submit(&flow) }
            go(&flow, to: .declined)
        case .sending:
            break
        case .done, .declined:
            if key == .enter || key == .escape { reset(&model) }
        case .failed(let canRetry):
            if key == .enter, canRetry { return submit(&flow) }
            if key == .enter || key == .escape { reset(&model) }
        }
        return []
    }

    private static func submit(_ flow: inout LearnerFlow) -> [FrontEffect] {
        guard let code = flow.acceptedCode else {
            go(&flow, to: .code)
            return []
        }
        go(&flow, to: .sending)
        return [.submitClaim(code: code, name: flow.cleanName, email: flow.cleanEmail)]
    }

    /// Moves to `step` with no answer highlighted but the first and no message.
    static func go(_ flow: inout LearnerFlow, to step: LearnerFlow.Step) {
        flow.step = step
        flow.selection = 0
        flow.message = nil
        flow.busy = false
    }

    /// Up/Down (and Tab) move between `count` answers; true when the key did.
    static func moveSelection(_ selection: inout Int, count: Int, _ key: Key) -> Bool {
        switch key {
        case .down, .tab, .right: selection = (selection + 1) % count
        case .up, .backTab, .left: selection = (selection + count - 1) % count
        default: return false
        }
        return true
    }

    /// The service checked a typed code.
    static func codeChecked(_ model: inout FrontModel, short: String, _ result: Result<Bool, ServiceFailure>) {
        guard case .learner(var flow) = model.screen, flow.step == .code, flow.busy,
              ShortCode.normalize(flow.code.text) == short else { return }
        flow.busy = false
        switch result {
        case .success:
            flow.acceptedCode = short
            go(&flow, to: .name)
        case .failure(let failure):
            if failure.isUnreachable { model.service = .down }
            flow.message = Message(failure)
        }
        model.screen = .learner(flow)
    }

    /// The service answered the claim: done, or back to the step whose answer it refused.
    static func claimAnswered(_ model: inout FrontModel, _ result: Result<ClaimReceipt, ServiceFailure>) -> [FrontEffect] {
        guard case .learner(var flow) = model.screen, flow.step == .sending else { return [] }
        model.lastInput = model.now
        var effects: [FrontEffect] = []
        switch result {
        case .success(let receipt):
            go(&flow, to: .done)
            flow.completionIDs = completionBadgeIDs(receipt, sessions: model.sessions)
            // The names come from the catalogue, fetched only when there is something to name.
            effects = flow.completionIDs.isEmpty ? [.loadSessions] : [.loadSessions, .loadBadges]
        case .failure(let failure):
            let message = Message(failure)
            switch failure.code {
            case let code where code.hasPrefix("name_"): go(&flow, to: .name)
            case let code where code.hasPrefix("email_"): go(&flow, to: .email)
            case "unknown_code", "code_missing":
                flow.acceptedCode = nil
                go(&flow, to: .code)
            default:
                let canRetry = failure.isUnreachable || failure.status == 503
                go(&flow, to: .failed(canRetry: canRetry))
            }
            flow.message = message
        }
        model.screen = .learner(flow)
        return effects
    }
}
