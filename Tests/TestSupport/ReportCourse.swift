import Foundation
import KioskCore
import KioskStore

/// The reports' fixture: a 4-day programme claimed by 50 learners, one of whom misses day 3, one
/// award refused, some accepted; and its figures as counted by hand, which every report surface
/// (the store, the API, the command's three formats) must show.
///
/// Each learner claims each day (mixed-case emails), all awards are then sent, learner 7's day-2
/// award is refused, and the first 20 learners' day-1 awards are accepted (the rest pending).
public final class ReportCourse {
    /// 2026-11-30 00:53 UTC: day 1 in November, days 2-4 in December (in UTC).
    public static let start = Timestamp(milliseconds: 1_796_000_000_000)
    public static let days = (1...4).map { "day-\($0)" }
    public static let programmeName = "Intro to Work"

    public let directory: String
    public let store: KioskStore
    /// Days 1 to 4, in order.
    public let sessions: [Session]
    /// Removed when the course is released; a folder given to `init(directory:)` is left for its owner.
    private let ownsDirectory: Bool

    /// The course in a store in `directory` (a state folder for the command line), or in a fresh
    /// temporary folder removed with the course.
    public init(directory: String? = nil) throws {
        ownsDirectory = directory == nil
        self.directory = directory ?? NSTemporaryDirectory() + "badgekiosk-report-\(UUID().uuidString)"
        store = try KioskStore(directory: self.directory)
        sessions = try Self.fill(store)
    }

    /// Lets go of the database, so another process (the command line) is its only user.
    public func close() {
        store.close()
    }

    deinit {
        store.close()
        if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Puts the course in `store`, which may hold other badges already: the badges, the programme, the
    /// four sessions and their claims, then the issuer's answers. Answers the sessions, day 1 first.
    @discardableResult
    public static func fill(_ store: KioskStore) throws -> [Session] {
        try store.upsertBadges((days + ["complete"]).map { Badge(id: $0, name: $0) }, at: start)
        _ = try store.createProgramme(try ProgrammeDraft(name: programmeName, badgeIDs: days, completionBadgeID: "complete"),
                                      at: start)
        var sessions: [Session] = []
        for (index, day) in days.enumerated() {
            let opened = start.adding(seconds: Int64(index) * 86_400)
            let session = try store.createSession(title: "Intro to Work - Day \(index + 1)", badgeIDs: [day], expected: 50, at: opened)
            sessions.append(session)
            let code = try store.endSession(id: session.id, policy: CodePolicy(), at: opened.adding(seconds: 3600))
            for learner in 1...50 where !(index == 2 && learner == 13) {
                let claimant = try Claimant(name: "Learner \(learner)", email: "Learner\(learner)@Example.ORG", consent: true)
                _ = try store.submitClaim(ClaimSubmission(codeID: code.id, claimant: claimant,
                                                          newClaimID: "d\(index + 1)-l\(learner)", at: opened.adding(seconds: 4000)))
            }
        }
        try store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'sent', updated_at = \(start.milliseconds + 5 * 86_400_000)")
            try connection.execute("""
                UPDATE awards SET state = 'failed', last_error = 'HTTP 422' WHERE claim_id = 'd2-l7';
                UPDATE awards SET acceptance = 'pending' WHERE badge_id = 'day-1';
                UPDATE awards SET acceptance = 'accepted', accepted_at = 1 WHERE badge_id = 'day-1'
                    AND claim_id IN (\((1...20).map { "'d1-l\($0)'" }.joined(separator: ",")));
                """)
        }
        return sessions
    }
}
