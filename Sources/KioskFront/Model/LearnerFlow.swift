import KioskCore

/// A learner's way through claiming: one question a screen, nothing kept once they leave.
struct LearnerFlow: Equatable, Sendable {
    enum Step: Equatable, Sendable {
        /// "Were you at this session?" when one just ended here: Yes skips typing the code.
        case confirmSession
        case code
        case name
        case email
        /// The email shown back, large, with a suggestion for a common typo.
        case confirmEmail
        case consent
        /// The claim is on its way to the service.
        case sending
        case done
        /// They said no to sharing: nothing was sent or kept.
        case declined
        /// The service refused or could not be reached; `canRetry` when trying again may help.
        case failed(canRetry: Bool)
    }

    var step: Step
    /// The session that just ended here, offered in `confirmSession`.
    var session: RecentSession?
    /// Room for a slip's code with its dashes (`K7M-2QX-4P9B`) and a stray space.
    var code = TextField(.code, maxLength: 14)
    /// The code to claim with, once accepted (the session's QR token, or a typed short code).
    var acceptedCode: String?
    var name = TextField(.text, maxLength: 100)
    var email = TextField(.noSpaces, maxLength: 254)
    /// The checked name and email that will be sent.
    var cleanName = ""
    var cleanEmail = ""
    /// The learner has no email address yet: the claim is kept, its badge waiting, under a later code.
    var noEmail = false
    /// The code that adds the email later, once the waiting claim is stored (`K7M-2QX-4P`).
    var later: LaterInfo?
    /// A corrected email for a likely typo (`gmial.com` → `gmail.com`).
    var suggestion: EmailSuggestion.Suggestion?
    /// The highlighted answer on screens with choices; on the email step, 1 is "I do not have an email".
    var selection = 0
    var message: Message?
    /// Waiting for the service to check the code.
    var busy = false
    /// The code being checked: the session's QR token, or a typed short code.
    var checking: String?
    /// Completion badges the stored claim also awards, waiting for their names from the catalogue.
    var completionIDs: [String] = []
    /// The names of those badges, for the celebration (ids are never shown).
    var completions: [String] = []
    /// The done screen's choice of "Well done" with the first name on the first screen, when offered.
    var celebrate: Celebrate?

    /// Where the choice to show the learner's first name on the first screen stands.
    enum Celebrate: Equatable, Sendable {
        /// Asked, with the claim's key: Y says yes.
        case offered(key: String)
        case sending
        case shown
        case failed

        /// Still waiting for the learner's Y.
        var isOffered: Bool {
            if case .offered = self { return true }
            return false
        }
    }

    init(session: RecentSession?) {
        self.session = session
        step = session == nil ? .code : .confirmSession
    }

    /// The first name as the first screen would show it, for the question that offers it.
    var celebrationName: String { Celebrations.displayName(cleanName) ?? cleanName }

    /// The done screen's last line: the question while it is offered, then what came of it, else how to finish.
    var doneLastLine: String {
        switch celebrate {
        case .offered?, .sending?: "front.done.celebrate"
        case .shown?: "front.done.celebrated"
        case .failed?: "front.done.celebrateFailed"
        case nil: "front.done.finish"
        }
    }

    /// "Step N of 4", or nil on screens outside the four steps.
    var stepNumber: Int? {
        switch step {
        case .confirmSession, .code: 1
        case .name: 2
        case .email, .confirmEmail: 3
        case .consent: 4
        case .sending, .done, .declined, .failed: nil
        }
    }
}
