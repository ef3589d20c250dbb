import HTTPCore
import KioskCore
import KioskStore
import Localization

/// `GET /e/{code}` and `POST /e/{code}`: a learner whose badge is kept for them adds their email
/// (docs/ARCHITECTURE.md §4.8) through the claim page's own email, check and consent steps.
///
/// The later code is guessed under the same limits as every short code and looked up again on every
/// post. It works once: the commit that adds the email deletes it.
extension KioskService {
    func addEmailPage(_ path: [Substring], _ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        guard ["GET", "HEAD", "POST"].contains(request.method) else { throw .methodNotAllowed("GET, POST") }
        var form = request.method == "POST" ? ClaimForm(body: request.body) : ClaimForm()
        let language = Self.pageLanguage(form, request)
        form.language = language
        let now = Timestamp.now()
        let given = path.count == 2 ? String(path[1]) : ""
        let plain = claimView(language, signature: "", form: ClaimForm())
        let match: CodeMatch<WaitingClaim>
        do {
            match = try matchLaterCode(given, for: request, at: now)
        } catch {
            return writer.send(Self.html(.serviceUnavailable, plain.notice(.busy), language))
        }
        let waiting: WaitingClaim
        switch match {
        case .found(let found):
            waiting = found
        case .wait(let seconds):
            return writer.send(Self.tooManyAttempts(seconds, plain))
        case .missing where path.count <= 2:
            // `/e/` with no code: the field for it, as `/` shows it, with nothing wrong yet.
            return writer.send(Self.html(.ok, plain.home(), language))
        case .missing, .unknown:
            return writer.send(Self.unknownLaterCode(typed: given, plain))
        }
        // Signed apart from every claim token, so no claim page's form is any use here.
        let (signature, refusal) = signForms(for: "later \(waiting.laterCode)", form, request, language)
        if let refusal { return writer.send(refusal) }
        // The badge is kept under this name: whatever a form says, it is the one shown and sent.
        form.name = waiting.name
        let journey = ClaimJourney.addEmail(sessionTitle: waiting.sessionTitle)
        let flow = request.method == "POST" ? ClaimFlow.next(after: &form, in: journey) : .show(.email, nil)
        let view = claimView(language, signature: signature, form: form, journey: journey)
        switch flow {
        case .show(let step, let error):
            writer.send(Self.stepPage(step, error, view))
        case .celebrate:
            // Only a new claim is offered a line: here the flow never gives one, so back to the first step.
            writer.send(Self.stepPage(.email, nil, view))
        case .declined:
            writer.send(Self.html(.ok, view.declined(), language))
        case .submit(let claimant):
            // The learner comes back days later: the done page names what the email brings. Read before
            // adding, so the session's badges are told from a programme's completion badge this email
            // now earns; nil (the read failed) names none, never a wrong one.
            let sessionBadges = try? store.session(id: waiting.sessionID)?.session.badgeIDs
            let store = store
            addEmail(claimant.email, to: waiting, at: now) { result in
                let claim = (try? result.get())?.claim
                let own = claim.flatMap { claim in sessionBadges.map { claim.badgeIDs.filter($0.contains) } } ?? []
                let extra = Self.completionBadgeIDs(of: claim, sessionBadges: sessionBadges)
                Self.namingBadges(session: own, completions: extra, in: store) { badges, completions in
                    writer.send(Self.addEmailPageResponse(for: result, view, typed: given, badges: badges, completions: completions))
                }
            }
        }
    }

    /// The page for the email's outcome: the usual done page, naming `badges` (the session's) and
    /// `completions` (programmes this email finished), which for an email that had already claimed
    /// says the badge is on its way there.
    static func addEmailPageResponse(for result: Result<LaterOutcome, StoreError>, _ view: ClaimPageView, typed: String,
                                     badges: [String] = [], completions: [String] = []) -> HTTPResponse {
        switch result {
        case .success(.added(let claim)):
            html(.ok, view.done(name: claim.name, email: claim.email, repeated: false, badges: badges,
                                completions: completions), view.language)
        case .success(.alreadyClaimed(let claim, _)):
            html(.ok, view.done(name: claim.name, email: claim.email, repeated: true, badges: badges), view.language)
        case .success(.unknownCode):
            // Used a moment ago, from another tab or phone.
            unknownLaterCode(typed: typed, view)
        case .failure:
            html(.serviceUnavailable, view.notice(.busy), view.language)
        }
    }

    /// A wrong or used later code: the code field again, as `/` shows it, with what was typed.
    static func unknownLaterCode(typed: String, _ view: ClaimPageView) -> HTTPResponse {
        html(.notFound, view.home(typed: String(typed.prefix(40)), error: view.text("page.later.unknown")), view.language)
    }
}
