import Foundation
/// A session as the front needs it, from `GET /api/v1/sessions`.
struct SessionInfo: Equatable, Sendable {
    var id: Int64
    var title: String
    var expected: Int
    var claimed: Int
    /// Seconds since it ended (by the wall clock when it was fetched); nil while it runs.
    var endedSecondsAgo: Double?
    var code: CodeInfo?
    /// The badges a claim with its codes awards, so a programme's completion badge can be told apart.
    var badgeIDs: [String] = []

    var isOpen: Bool { endedSecondsAgo == nil }
}

/// A claim code: the QR token, the typed short form and the link phones open.
struct CodeInfo: Equatable, Sendable {
    var token: String
    var short: String
    var url: String
    /// How many learners may use it in all, and how many have.
    var maxClaims = 0
    var claimed = 0
    /// When it stops working (printed on slips); nil where the front was not told.
    var expiresAt: Date? = nil
}

/// What the attract screen and the volunteer pickers show, refreshed on every live event.
struct SessionsSnapshot: Equatable, Sendable {
    var sessions: [SessionInfo]
    /// Claims on sessions started today (local time).
    var todayClaims: Int
    /// The "Well done" lines learners said yes to, newest first.
    var celebrations: [CelebrationInfo] = []
}

/// A "Well done" line for the first screen, from `GET /api/v1/celebrations`.
struct CelebrationInfo: Equatable, Sendable {
    /// The first name only.
    var name: String
    var sessionTitle: String
    /// Seconds it stays on the screen, by the wall clock when it was fetched.
    var secondsLeft: Double
}

/// A stored claim, from `POST /api/v1/claims`.
struct ClaimReceipt: Equatable, Sendable {
    var id: String
    var sessionID: Int64
    /// What it awards: the session's badges, then the completion badge of each programme it finished.
    var badgeIDs: [String]
    /// For a claim with no email yet: the code that adds one later.
    var later: LaterInfo?
    /// The key that puts "Well done" with the learner's first name on the first screen, if they say yes.
    var celebrate: String? = nil
}

/// A claim waiting for its learner's email, as the volunteer picks it.
struct WaitingInfo: Equatable, Sendable {
    var id: String
    var name: String
    var sessionTitle: String
    /// The later code (`K7M-2QX-4P`) the email is added with.
    var code: String
}

/// An email added to a waiting claim: `alreadyClaimed` when that email had claimed with the code
/// before, and the waiting claim was folded into that one.
struct LaterAdded: Equatable, Sendable {
    var alreadyClaimed: Bool
}

/// The code a learner with no email keeps, and the page where it adds the email.
struct LaterInfo: Equatable, Sendable {
    /// `K7M-2QX-4P`.
    var code: String
    var url: String

    /// The kiosk's own address (`http://192.168.1.20:8080`), whose first page takes the code: shorter
    /// to copy than the code's own page.
    var home: String {
        url.range(of: "/e/", options: .backwards).map { String(url[..<$0.lowerBound]) } ?? url
    }
}

/// A badge from the catalogue.
struct BadgeInfo: Equatable, Sendable {
    var id: String
    var name: String
}

/// The outbox in numbers, for the volunteer's plain-words summary.
struct OutboxInfo: Equatable, Sendable {
    var queued: Int
    var sending: Int
    var sent: Int
    var failed: Int
    /// The most recent forwarding error, as the service recorded it.
    var lastError: String?
    /// Awards that may or may not have reached the issuer, all of them (the list may stop short).
    var unsureCount = 0
    /// The longest-waiting unsure awards, for a volunteer to check one by one.
    var unsure: [UnsureInfo] = []
    /// Awards kept for learners who have no email yet (menu 6 adds one).
    var waitingForEmail = 0
}

/// An award the issuer may or may not have: a volunteer looks at the issuer's own list and says which.
struct UnsureInfo: Equatable, Sendable {
    var id: Int64
    var badgeName: String
    /// The learner's email: volunteer mode is staff only, and it is what to look for at the issuer.
    var email: String
}

/// What a volunteer found at the issuer for an unsure award.
enum UnsureChoice: String, Equatable, Sendable {
    /// It is there: it counts as sent.
    case arrived
    /// It is not there: send it again.
    case resend
}

/// Slip codes just made, and the sheet of them saved to print.
struct SlipBatch: Equatable, Sendable {
    var codes: [CodeInfo]
    /// The PDF sheet's path, once saved.
    var savedTo: String?
    var saveError: String?
}

/// What became of sending a sheet of slips to the printer.
enum PrintOutcome: Equatable, Sendable {
    /// CUPS took it: its job, e.g. `Office-12`.
    case sent(job: String)
    /// `lp` is not installed: there is no printing on this machine.
    case noPrinting
    /// CUPS refused it, in its own words (no default printer, printer unknown, ...).
    case refused(String)
}

/// A request the service refused or never answered.
struct ServiceFailure: Error, Equatable, Sendable {
    /// The HTTP status; nil when the service could not be reached at all.
    var status: Int?
    /// The API's snake_case error code (`unknown_code`), or `unreachable`.
    var code: String
    /// The API's own plain-words message.
    var message: String

    static let unreachable = ServiceFailure(status: nil, code: "unreachable", message: "")

    /// The code of an answer the front cannot read: the service and the front are different versions, or
    /// the service is not the kiosk's.
    static let malformedReply = "malformed_reply"

    /// The service answered `request` with `status`, but its body is not what the API promises.
    static func malformed(status: Int, _ request: String, _ error: any Error) -> ServiceFailure {
        ServiceFailure(status: status, code: malformedReply,
                       message: "The kiosk service sent an answer to \(request) that the front cannot read "
                           + "(\(fault(error))). Check that the service and the front are the same version.")
    }

    /// What was wrong with a body, in a few words naming the field.
    private static func fault(_ error: any Error) -> String {
        func field(_ path: [any CodingKey]) -> String { "`" + path.map(\.stringValue).joined(separator: ".") + "`" }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "\(field(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context)?: return "\(field(context.codingPath)) is empty"
        case .typeMismatch(_, let context)?: return "\(field(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context)? where !context.codingPath.isEmpty: return "\(field(context.codingPath)) is not valid"
        default: return "it is not the JSON expected"
        }
    }

    var isUnreachable: Bool { status == nil }
}
