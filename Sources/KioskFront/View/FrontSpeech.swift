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
        if model.screen.facesLearner || model.screen.isLearnerWarning, model.service == .down {
            return words(model, ["front.problem.message", "front.problem.retrying"])
        }
        switch model.screen {
        case .attract:
            var attract = words(model, ["front.attract.title", "front.attract.start", "front.speech.again"])
            attract.focus = model.language.nativeName
            return attract
        case .sessionQR:
            return words(model, ["front.qr.scan", "front.qr.claimHere"])
        case .moreTime:
            guard model.screen.isLearnerWarning else { return nil }
            // The whole wait, not the seconds left: the warning is said once, not again each second.
            return words(model, ["front.moreTime.question", "front.moreTime.countdown", "front.moreTime.press"],
                         ["seconds": String(Int(Front.moreTimeSeconds))])
        case .learner(let flow):
            return learner(model, flow)
        default:
            return nil
        }
    }

    /// The lines of `keys` (then `extra`, already words) as the screen, and the chosen one of `choices` as the focus.
    private static func words(_ model: FrontModel, _ keys: [String], _ values: [String: String] = [:],
                              choices: [String] = [], selected: Int = 0, extra: [String] = []) -> Utterance {
        let lines = keys.map { model.spoken($0, values) } + extra
        let focus = choices.indices.contains(selected) ? model.spoken(choices[selected], values) : nil
        return Utterance(screen: sentences(lines), focus: focus, language: model.language)
    }

    private static func learner(_ model: FrontModel, _ flow: LearnerFlow) -> Utterance {
        let message = flow.message.map { [model.spoken($0)] } ?? []
        let values = ["name": flow.cleanName, "email": flow.cleanEmail, "issuer": model.settings.issuerName,
                      "badge": flow.completions.first ?? ""]
        switch flow.step {
        case .confirmSession:
            return words(model, ["front.confirmSession.question"], values,
                         choices: ["front.confirmSession.yes", "front.confirmSession.no"], selected: flow.selection,
                         extra: message)
        case .code:
            return words(model, ["front.code.question", "front.code.help"], values, extra: message)
        case .name:
            return words(model, ["front.name.question", "front.name.help"], values, extra: message)
        case .email:
            return words(model, ["front.email.question", "front.email.help"], values,
                         choices: ["front.email.none"], selected: flow.selection - 1, extra: message)
        case .confirmEmail:
            if let suggestion = flow.suggestion {
                let suggested = values.merging(["email": suggestion.address]) { $1 }
                var said = words(model, ["front.confirmEmail.question", "front.confirmEmail.suggest"], suggested)
                let choices = [model.spoken("front.confirmEmail.useSuggestion", suggested),
                               model.spoken("front.confirmEmail.keep", values), model.spoken("front.confirmEmail.change")]
                said.focus = choices.indices.contains(flow.selection) ? choices[flow.selection] : nil
                return said
            }
            return words(model, ["front.confirmEmail.question"], values,
                         choices: ["front.confirmEmail.yes", "front.confirmEmail.change"], selected: flow.selection,
                         extra: [flow.cleanEmail])
        case .consent:
            let keys = flow.noEmail ? ["front.consent.keepQuestion", "front.consent.name", "front.consent.noEmail"]
                                    : ["front.consent.question", "front.consent.name", "front.consent.email"]
            return words(model, keys, values, choices: ["front.consent.yes", "front.consent.no"], selected: flow.selection)
        case .sending:
            return words(model, ["front.sending"], values)
        case .done:
            if let later = flow.later {
                // The code letter by letter, so each one can be written down.
                return words(model, ["front.done.kept", "front.done.keepCode"], values,
                             extra: [FrontView.spaced(later.code.filter { $0 != "-" }),
                                     model.spoken("front.done.addLater", ["address": later.home])])
            }
            let programme = flow.completions.isEmpty ? [] : ["front.done.programme"]
            return words(model, ["front.done.message"] + programme + ["front.done.email", "front.done.sentTo"], values,
                         extra: [model.spoken(flow.doneLastLine, ["name": flow.celebrationName])])
        case .declined:
            return words(model, ["front.declined.message", "front.declined.help"], values,
                         choices: ["front.declined.back", "front.declined.finish"], selected: flow.selection)
        case .failed(let canRetry):
            return words(model, ["front.failed.title"], values,
                         extra: message + [model.spoken(canRetry ? "front.failed.retry" : "front.failed.startAgain")])
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
