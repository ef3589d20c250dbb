import Localization

/// What a screen says out loud, as `FrontView` is what it shows: a pure function of the model.
/// Learner screens only (volunteers read theirs). In Arabic the words are Arabic while the screen
/// stays English, since the console cannot draw Arabic script.
struct Utterance: Equatable, Sendable {
    /// The question and what the screen tells the learner.
    var screen: String
    /// The highlighted choice, or the language on the first screen; spoken alone when only it changes.
    var focus: String?
    var language: Language

    /// Everything, for F1 and a screen that has just opened.
    var whole: String { [screen, focus].compactMap { $0 }.joined(separator: " ") }
}

enum FrontSpeech {
    static func utterance(_ model: FrontModel) -> Utterance? {
        let say = { (key: String, values: [String: String]) in model.spoken(key, values) }
        func make(_ keys: [String], _ values: [String: String] = [:], choices: [String] = [], selected: Int = 0,
                  extra: [String] = []) -> Utterance {
            let lines = keys.map { say($0, values) } + extra
            let focus = choices.indices.contains(selected) ? say(choices[selected], values) : nil
            return Utterance(screen: sentences(lines), focus: focus, language: model.language)
        }
        let learnerFacing: Bool = switch model.screen {
        case .attract, .learner, .sessionQR, .moreTime: true
        default: false
        }
        if learnerFacing, model.service == .down {
            return make(["front.problem.message", "front.problem.retrying"])
        }
        switch model.screen {
        case .attract:
            var words = make(["front.attract.title", "front.attract.start", "front.speech.again"])
            words.focus = model.language.nativeName
            return words
        case .sessionQR:
            return make(["front.qr.scan", "front.qr.claimHere"])
        case .moreTime(let resume, _):
            guard case .learner = resume else { return nil }
            // The whole wait, not the seconds left: the warning is said once, not again each second.
            return make(["front.moreTime.question", "front.moreTime.countdown", "front.moreTime.press"],
                        ["seconds": String(Int(Front.moreTimeSeconds))])
        case .learner(let flow):
            return learner(model, flow, make)
        default:
            return nil
        }
    }

    private static func learner(_ model: FrontModel, _ flow: LearnerFlow,
                                _ make: ([String], [String: String], [String], Int, [String]) -> Utterance) -> Utterance {
        let message = flow.message.map { model.spoken($0) }.map { [$0] } ?? []
        let values = ["name": flow.cleanName, "email": flow.cleanEmail, "issuer": model.settings.issuerName,
                      "badge": flow.completions.first ?? ""]
        switch flow.step {
        case .confirmSession:
            return make(["front.confirmSession.question"], values, ["front.confirmSession.yes", "front.confirmSession.no"],
                        flow.selection, message)
        case .code:
            return make(["front.code.question", "front.code.help"], values, [], 0, message)
        case .name:
            return make(["front.name.question", "front.name.help"], values, [], 0, message)
        case .email:
            return make(["front.email.question", "front.email.help"], values, [], 0, message)
        case .confirmEmail:
            if let suggestion = flow.suggestion {
                let suggested = values.merging(["email": suggestion.address]) { $1 }
                var words = make(["front.confirmEmail.question", "front.confirmEmail.suggest"], suggested, [], 0, [])
                let choices = [model.spoken("front.confirmEmail.useSuggestion", suggested),
                               model.spoken("front.confirmEmail.keep", values), model.spoken("front.confirmEmail.change")]
                words.focus = choices.indices.contains(flow.selection) ? choices[flow.selection] : nil
                return words
            }
            return make(["front.confirmEmail.question"], values, ["front.confirmEmail.yes", "front.confirmEmail.change"],
                        flow.selection, [flow.cleanEmail])
        case .consent:
            return make(["front.consent.question", "front.consent.name", "front.consent.email"], values,
                        ["front.consent.yes", "front.consent.no"], flow.selection, [])
        case .sending:
            return make(["front.sending"], values, [], 0, [])
        case .done:
            let programme = flow.completions.isEmpty ? [] : ["front.done.programme"]
            return make(["front.done.message"] + programme + ["front.done.email", "front.done.sentTo", "front.done.finish"],
                        values, [], 0, [])
        case .declined:
            return make(["front.declined.message", "front.declined.help"], values,
                        ["front.declined.back", "front.declined.finish"], flow.selection, [])
        case .failed(let canRetry):
            return make(["front.failed.title"], values, [], 0, message + [model.spoken(canRetry ? "front.failed.retry" : "front.failed.startAgain")])
        }
    }

    /// Lines joined so each ends as a sentence (a pause for the voice).
    private static func sentences(_ lines: [String]) -> String {
        lines.filter { !$0.isEmpty }.map { line in
            guard let last = line.last, !".?!:؟".contains(last) else { return line }
            return line + "."
        }.joined(separator: " ")
    }
}
