import KioskCore

/// What the page does with a posted form: show a step (perhaps with an error), stop, or claim.
enum ClaimFlow: Equatable, Sendable {
    case show(ClaimStep, FieldError?)
    /// The learner said no to sharing their details.
    case declined
    case submit(Claimant)

    /// Decides from the form alone: no I/O, so every path is tested directly.
    static func next(after form: inout ClaimForm) -> ClaimFlow {
        if let field = form.unreadable {
            return .show(field == "email" ? .email : .name,
                         FieldError(field: field, code: "\(field)_unreadable",
                                    message: "We could not read what was typed. Please type it again."))
        }
        switch form.step {
        case "start":
            return .show(.name, nil)
        case "name":
            if let error = nameError(form.name) { return .show(.name, error) }
            return .show(.email, nil)
        case "email":
            if nameError(form.name) != nil { return .show(.name, nil) }
            do {
                form.email = try Claimant.checkEmail(Claimant.removingSpaces(form.email))
            } catch {
                return .show(.email, error)
            }
            return .show(.check, nil)
        case "check":
            switch form.choice {
            case "change": return reachable(.email, form)
            case "suggestion":
                if let suggested = EmailSuggestion.suggest(for: form.email) { form.email = suggested }
                return reachable(.consent, form)
            default: return reachable(.consent, form)
            }
        case "consent":
            switch form.choice {
            case "yes":
                do {
                    return .submit(try Claimant(name: form.name, email: form.email, consent: true))
                } catch {
                    return .show(error.field == "email" ? .email : .name, error)
                }
            case "no": return .declined
            case "changeName": return .show(.name, nil)
            case "changeEmail": return reachable(.email, form)
            default: return reachable(.consent, form)
            }
        case "show":
            return reachable(ClaimStep(rawValue: form.view) ?? .start, form)
        default:
            return .show(.start, nil)
        }
    }

    /// `step`, or the first earlier step whose answer is missing (a form with lost or altered hidden fields).
    static func reachable(_ step: ClaimStep, _ form: ClaimForm) -> ClaimFlow {
        if [.email, .check, .consent].contains(step), nameError(form.name) != nil { return .show(.name, nil) }
        if [.check, .consent].contains(step), (try? Claimant.checkEmail(form.email)) == nil { return .show(.email, nil) }
        return .show(step, nil)
    }

    private static func nameError(_ name: String) -> FieldError? {
        do {
            _ = try Claimant.checkName(name)
            return nil
        } catch {
            return error
        }
    }
}
