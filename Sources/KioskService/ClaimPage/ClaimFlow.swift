import KioskCore

/// What the page does with a posted form: show a step (perhaps with an error), stop, or claim.
enum ClaimFlow: Equatable, Sendable {
    case show(ClaimStep, FieldError?)
    /// The learner said no to sharing their details.
    case declined
    /// The answers are complete: a claimant with no email (`hasEmail` false) when the learner has none yet.
    case submit(Claimant)
    /// After claiming, the learner said yes to "Well done" on the kiosk's screen, with the claim's key.
    case celebrate(key: String)

    /// Decides from the form alone: no I/O, so every path is tested directly.
    static func next(after form: inout ClaimForm, in journey: ClaimJourney = .claim) -> ClaimFlow {
        // A hidden `later` where the journey has no such choice is a form that was altered: ignored.
        if !journey.offersNoEmail { form.later = false }
        if let field = form.unreadable {
            return .show(field == "email" ? .email : .name,
                         FieldError(field: field, code: "\(field)_unreadable",
                                    message: "We could not read what was typed. Please type it again."))
        }
        switch form.step {
        case "start":
            return reachable(.name, form, in: journey)
        case "name":
            if let error = nameError(form.name) { return .show(.name, error) }
            return .show(.email, nil)
        case "email":
            if nameError(form.name) != nil { return reachable(.name, form, in: journey) }
            // "I do not have an email address": the email check has nothing to check, so on to consent.
            form.later = journey.offersNoEmail && form.choice == "later"
            if form.later {
                form.email = ""
                return .show(.consent, nil)
            }
            do {
                form.email = try Claimant.checkEmail(Claimant.removingSpaces(form.email))
            } catch {
                return .show(.email, error)
            }
            return .show(.check, nil)
        case "check":
            switch form.choice {
            case "change": return reachable(.email, form, in: journey)
            case "suggestion":
                if let suggested = EmailSuggestion.suggest(for: form.email) { form.email = suggested }
                return reachable(.consent, form, in: journey)
            default: return reachable(.consent, form, in: journey)
            }
        case "consent":
            switch form.choice {
            case "yes":
                do {
                    return .submit(form.later ? try Claimant(name: form.name, consent: true)
                                              : try Claimant(name: form.name, email: form.email, consent: true))
                } catch {
                    return .show(error.field == "email" ? .email : .name, error)
                }
            case "no": return .declined
            case "changeName": return reachable(.name, form, in: journey)
            case "changeEmail": return reachable(.email, form, in: journey)
            default: return reachable(.consent, form, in: journey)
            }
        case "celebrate" where journey == .claim && !form.celebrate.isEmpty:
            return .celebrate(key: form.celebrate)
        case "show":
            return reachable(ClaimStep(rawValue: form.view) ?? .start, form, in: journey)
        default:
            return reachable(.start, form, in: journey)
        }
    }

    /// `step`, or the first earlier step whose answer is missing (a form with lost or altered hidden
    /// fields); a step the journey does not have is its first. With no email yet, consent needs only the name.
    static func reachable(_ step: ClaimStep, _ form: ClaimForm, in journey: ClaimJourney = .claim) -> ClaimFlow {
        guard journey.steps.contains(step) else { return .show(journey.steps[0], nil) }
        if [.email, .check, .consent].contains(step), nameError(form.name) != nil { return .show(.name, nil) }
        let needsEmail = step == .check || (step == .consent && !form.later)
        if needsEmail, (try? Claimant.checkEmail(form.email)) == nil { return .show(.email, nil) }
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
