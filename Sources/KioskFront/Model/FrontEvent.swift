import KioskCore
import KioskAPI
import Localization
import TerminalUI

/// Something that happened: a key, a timer, the service's answer, the live stream's state.
enum FrontEvent: Equatable, Sendable {
    case key(Key)
    /// A deadline from `Front.nextDeadline` has passed.
    case tick
    case reply(ServiceReply)
    case stream(StreamStatus)
}

/// The live event stream (`GET /api/v1/events`), which also tells the front the service is alive.
enum StreamStatus: Equatable, Sendable {
    case connected
    case disconnected
    /// A change happened.
    case changed(EventKind)
}

/// The service's answer to one effect.
enum ServiceReply: Equatable, Sendable {
    case sessions(Result<SessionsSnapshot, ServiceFailure>)
    /// A code (a typed short code or the session's QR token) was checked: success means it can be used.
    case codeChecked(String, Result<Bool, ServiceFailure>)
    case claimed(Result<ClaimReceipt, ServiceFailure>)
    case badges(Result<[BadgeInfo], ServiceFailure>)
    case sessionStarted(Result<Int64, ServiceFailure>)
    case sessionEnded(Int64, Result<CodeInfo, ServiceFailure>)
    case slips(Result<SlipBatch, ServiceFailure>)
    /// A sheet of slips went to the printer, or why it did not.
    case printed(PrintOutcome)
    /// A learner's later code went to the printer, or why it did not.
    case laterPrinted(PrintOutcome)
    /// A session's code now admits this many in all.
    case limitSet(Result<CodeInfo, ServiceFailure>)
    case outbox(Result<OutboxInfo, ServiceFailure>)
    /// An unsure award was settled as the volunteer chose; success carries its id.
    case settled(UnsureChoice, Result<Int64, ServiceFailure>)
    /// How many badges the catalogue has after syncing; nil when the service cannot sync (404).
    case synced(Result<Int?, ServiceFailure>)
    case waiting(Result<[WaitingInfo], ServiceFailure>)
    /// A report for one of the Reports page's views.
    case report(ReportPage.View, Result<ReportFigures, ServiceFailure>)
    /// An email was added to the waiting claim `WaitingInfo` (or refused).
    case laterEmailAdded(WaitingInfo, email: String, Result<LaterAdded, ServiceFailure>)
    /// Whether the PIN typed matches the stored hash (not the service's answer, but run with its work).
    case pinChecked(Bool)
    /// The learner's yes to their first name on the first screen was taken (nil) or refused.
    case celebrated(ServiceFailure?)
}

/// Work for the runtime: requests to the service, or leaving.
enum FrontEffect: Equatable, Sendable {
    case loadSessions
    case checkCode(String)
    case submitClaim(code: String, name: String, email: String)
    case loadBadges
    case startSession(title: String, badges: [String], expected: Int)
    case endSession(Int64)
    /// Makes single-use codes and saves them as a sheet of slips with the session's title, in `language`.
    case makeSlips(session: Int64, count: Int, title: String, language: Language)
    /// Sends a saved sheet of slips to the printer.
    case printSlips(path: String)
    /// Prints a slip with a learner's later code and what to do with it, in `language`.
    case printLater(LaterInfo, language: Language)
    case setLimit(session: Int64, maxClaims: Int)
    case loadOutbox
    case settleUnsure(Int64, UnsureChoice)
    case syncBadges
    case loadWaiting
    /// Fetches the report a Reports page's view shows.
    case loadReport(ReportPage.View)
    /// Adds `email` to the waiting claim, with the staff token (never rate-limited).
    case addLaterEmail(WaitingInfo, email: String)
    /// Says yes to "Well done" with the learner's first name on the first screen, with the claim's key.
    case celebrate(key: String)
    /// Checks a typed PIN against the stored hash, which is slow on purpose.
    case checkPIN(String, PINHash)
    /// Says `text` aloud in `language`, cutting off anything still being said.
    case speak(String, Language)
    /// Stops speaking.
    case hush
    /// Rings the terminal's bell: the sound before the inactivity reset.
    case bell
    case quit
}
