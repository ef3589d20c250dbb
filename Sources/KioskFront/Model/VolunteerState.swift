/// Volunteer mode, once the PIN is in: the menu and the tasks it leads to.
struct VolunteerState: Equatable, Sendable {
    enum Page: Equatable, Sendable {
        case menu
        /// Starting a session: its title, its badges, the number expected.
        case title
        case badges
        case expected
        case pickSession(Purpose)
        case slipCount(SessionInfo)
        /// Which language the slips' words are printed in.
        case slipLanguage(SessionInfo, count: Int)
        /// How many learners the session's code may admit in all.
        case limit(SessionInfo)
        case slips(SlipBatch)
        case outbox(OutboxInfo?)
        /// Did this award reach the issuer? Yes (it arrived) or no (send it again).
        case unsureCheck(UnsureInfo)
        case sync(count: Int?)
        /// Claims waiting for an email, nil until they have loaded.
        case waiting([WaitingInfo]?)
        /// The email for one of them, typed in `field`.
        case waitingEmail(WaitingInfo)
        /// Reports for the venue: claimed, sent and accepted, a page at a time.
        case reports(ReportPage)
        /// Leave the demo? (No is highlighted first, so a stray Enter does not quit.)
        case confirmQuit
    }

    /// What a picked session is for.
    enum Purpose: Equatable, Sendable {
        case end
        case slips
        case limit
    }

    /// The menu's entries, in order. Reports came last, so the numbers volunteers know stay the same.
    enum Action: Equatable, Sendable, CaseIterable {
        case start, end, slips, limit, outbox, waiting, sync, lock, quit, reports
    }

    var page: Page = .menu
    var selection = 0
    var field = TextField(.text, maxLength: 120)
    var draftTitle = ""
    /// Chosen badge ids, in the order ticked.
    var draftBadges: [String] = []
    /// The catalogue for the badge picker; nil until it has loaded.
    var catalogue: [BadgeInfo]?
    var message: Message?
    /// A request is on its way; keys other than Esc wait.
    var busy = false

    /// The menu entries shown (Quit only in the demo).
    static func actions(allowQuit: Bool) -> [Action] {
        allowQuit ? Action.allCases : Action.allCases.filter { $0 != .quit }
    }
}
