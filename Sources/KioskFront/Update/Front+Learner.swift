import KioskCore
import TerminalUI

extension Front {
    /// Keys on a learner's screen. Esc always goes one step back; nothing here leads out of the front.
    static func learnerKey(_ model: inout FrontModel, _ flow: inout LearnerFlow, _ key: Key) -> [FrontEffect] {
        switch flow.step {
        case .confirmSession:
            if flow.busy { return [] }
            if moveSelection(&flow.selection, count: 2, key) {
                flow.message = nil
                return []
            }
            if key == .escape { reset(&model) }
            guard key == .enter else { return [] }
            if flow.selection == 0, let session = flow.session {
                // The session's code may have filled up: say so now, not after the name and email.
                return check(&flow, session.code.token)
            }
            flow.acceptedCode = nil
            go(&flow, to: .code)
        case .code:
            if flow.busy { return [] }
            if key == .escape {
                if flow.session != nil { go(&flow, to: .confirmSession) } else { reset(&model) }
                return []
            }
            if key == .enter {
                // A learner pausing after wrong codes sees the countdown; Enter waits for it.
                guard !model.codeTries.isPaused(at: model.now) else { return [] }
                guard let short = ShortCode.normalize(flow.code.text) else {
                    flow.message = Message(flow.code.isEmpty ? "front.error.code_missing" : "front.code.wrongShape")
                    return []
                }
                return check(&flow, short)
            }
            edit(&flow.code, key, &flow.message) { Message("front.code.notInCode", ["character": String($0)]) }
        case .name:
            if key == .escape {
                go(&flow, to: flow.acceptedCode == flow.session?.code.token ? .confirmSession : .code)
                return []
            }
            if key == .enter {
                do {
                    flow.cleanName = try Claimant.checkName(flow.name.text)
                    go(&flow, to: .email)
                } catch {
                    flow.message = Message(error)
                }
                return []
            }
            edit(&flow.name, key, &flow.message) { _ in nil }
        case .email:
            if key == .escape {
                go(&flow, to: .name)
                return []
            }
            // Below the field, "I do not have an email address": Down or Tab reaches it, typing goes back.
            if [.down, .up, .tab, .backTab].contains(key) {
                _ = moveSelection(&flow.selection, count: 2, key)
                flow.message = nil
                return []
            }
            if key == .enter, flow.selection == 1 {
                flow.noEmail = true
                flow.cleanEmail = ""
                go(&flow, to: .consent)
                return []
            }
            if key == .enter {
                do {
                    flow.cleanEmail = try Claimant.checkEmail(flow.email.text)
                    flow.noEmail = false
                    flow.suggestion = EmailSuggestion.suggestion(for: flow.cleanEmail)
                    go(&flow, to: .confirmEmail)
                } catch {
                    flow.message = Message(error)
                }
                return []
            }
            flow.selection = 0
            flow.noEmail = false
            edit(&flow.email, key, &flow.message) { _ in Message("front.error.email_space") }
        case .confirmEmail:
            let choices = flow.suggestion == nil ? 2 : 3
            if moveSelection(&flow.selection, count: choices, key) { return [] }
            if key == .escape { go(&flow, to: .email) }
            guard key == .enter else { return [] }
            switch (flow.suggestion, flow.selection) {
            case (let suggestion?, 0):
                flow.cleanEmail = suggestion.address
                go(&flow, to: .consent)
            case (nil, 0), (_?, 1):
                go(&flow, to: .consent)
            default:
                go(&flow, to: .email)
            }
        case .consent:
            if moveSelection(&flow.selection, count: 2, key) { return [] }
            if key == .escape { go(&flow, to: flow.noEmail ? .email : .confirmEmail) }
            guard key == .enter else { return [] }
            if flow.selection == 0 { return submit(&flow) }
            go(&flow, to: .declined)
        case .sending:
            break
        case .done:
            if key == .enter || key == .escape { reset(&model) }
            // P prints the later code (once at a time), in words the slip's fonts can draw.
            if key == .character("p") || key == .character("P"), let later = flow.later, model.settings.canPrint,
               flow.message != Message.news("front.done.printing") {
                flow.message = .news("front.done.printing")
                return [.printLater(later, language: model.displayLanguage)]
            }
            // Y says yes to "Well done" with their first name on the first screen; anything else leaves it unsaid.
            if key == .character("y") || key == .character("Y"), case .offered(let celebrationKey) = flow.celebrate {
                flow.celebrate = .sending
                return [.celebrate(key: celebrationKey)]
            }
        case .declined:
            // "No" is not a dead end: Back (the first choice, or Esc) returns to the question, answers kept.
            if moveSelection(&flow.selection, count: 2, key) { return [] }
            if key == .escape || key == .enter && flow.selection == 0 {
                go(&flow, to: .consent)
            } else if key == .enter {
                reset(&model)
            }
        case .failed(let canRetry):
            if key == .enter, canRetry { return submit(&flow) }
            if key == .enter || key == .escape { reset(&model) }
        }
        return []
    }

    /// A key in a text field: an edit clears the last message; a character the field never holds
    /// says why (`refusal`) rather than vanishing unexplained.
    private static func edit(_ field: inout TextField, _ key: Key, _ message: inout Message?,
                             refusal: (Character) -> Message?) {
        switch field.handle(key) {
        case .edited: message = nil
        case .refused(let character): message = refusal(character)
        case .notEditing: break
        }
    }

    /// Asks the service whether `code` can be used before anything else is asked.
    private static func check(_ flow: inout LearnerFlow, _ code: String) -> [FrontEffect] {
        flow.busy = true
        flow.checking = code
        flow.message = nil
        return [.checkCode(code)]
    }

    private static func submit(_ flow: inout LearnerFlow) -> [FrontEffect] {
        guard let code = flow.acceptedCode else {
            go(&flow, to: .code)
            return []
        }
        go(&flow, to: .sending)
        return [.submitClaim(code: code, name: flow.cleanName, email: flow.noEmail ? "" : flow.cleanEmail)]
    }

    /// Moves to `step` with no answer highlighted but the first and no message.
    static func go(_ flow: inout LearnerFlow, to step: LearnerFlow.Step) {
        flow.step = step
        flow.selection = 0
        flow.message = nil
        flow.busy = false
        flow.checking = nil
    }

    /// Up/Down (and Tab) move between `count` answers; true when the key did.
    static func moveSelection(_ selection: inout Int, count: Int, _ key: Key) -> Bool {
        switch key {
        // Arrows stop at the ends (Up from the first entry must not land on the last, e.g. Quit); Tab goes round.
        case .down, .right: selection = min(selection + 1, count - 1)
        case .up, .left: selection = max(selection - 1, 0)
        case .tab: selection = (selection + 1) % count
        case .backTab: selection = (selection + count - 1) % count
        default: return false
        }
        return true
    }

    /// The service checked a code: on to the name (kept if typed before), or why not on this screen.
    /// A wrong typed code counts towards this learner's short pause.
    static func codeChecked(_ model: inout FrontModel, code: String, _ result: Result<Bool, ServiceFailure>) {
        guard case .learner(var flow) = model.screen, flow.busy, flow.checking == code else { return }
        flow.busy = false
        flow.checking = nil
        switch result {
        case .success:
            flow.acceptedCode = code
            go(&flow, to: .name)
        case .failure(let failure):
            if failure.isUnreachable { model.service = .down }
            if flow.step == .code, failure.code == "unknown_code" { model.codeTries.recordWrong(at: model.now) }
            flow.message = Message(failure)
        }
        model.screen = .learner(flow)
    }

    /// Refusals a different code can fix.
    static let codeRefusals: Set<String> = [
        "unknown_code", "code_missing", "code_expired", "code_used_up", "too_many_attempts", "too_many_claims",
    ]

    /// The service answered the claim: done, or back to the step whose answer it refused.
    static func claimAnswered(_ model: inout FrontModel, _ result: Result<ClaimReceipt, ServiceFailure>) -> [FrontEffect] {
        guard case .learner(var flow) = model.screen, flow.step == .sending else { return [] }
        model.lastInput = model.now
        var effects: [FrontEffect] = []
        switch result {
        case .success(let receipt):
            go(&flow, to: .done)
            flow.later = receipt.later
            flow.celebrate = receipt.celebrate.map { .offered(key: $0) }
            flow.completionIDs = completionBadgeIDs(receipt, sessions: model.sessions)
            // The names come from the catalogue, fetched only when there is something to name.
            effects = flow.completionIDs.isEmpty ? [.loadSessions] : [.loadSessions, .loadBadges]
        case .failure(let failure):
            let message = Message(failure)
            switch failure.code {
            case let code where code.hasPrefix("name_"): go(&flow, to: .name)
            case let code where code.hasPrefix("email_"): go(&flow, to: .email)
            case let code where Self.codeRefusals.contains(code):
                // One instruction, about the code; the name and email typed stay for the next code.
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
