import KioskCore
@testable import KioskStore
import Testing

/// Acceptance in the store: which sent awards are due a check, and what an answer writes.
@Suite("Acceptance: due checks and answers in the store")
struct AcceptanceStoreTests {
    static let now = Fixture.start.adding(seconds: 40 * 86_400)

    /// 10 claims of the fixture's two badges: 20 awards, ids 1...20, all sent with an issuer id.
    static func sentAwards() throws -> Fixture {
        let fixture = try Fixture(expected: 20)
        for learner in 0..<10 {
            _ = try fixture.store.submitClaim(Fixture.submission(code: fixture.code, learner: learner))
        }
        try fixture.store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'sent', issuer_ref = 'E' || id")
        }
        return fixture
    }

    /// Sets award `id`'s columns as given (times in hours before `now`).
    static func set(_ fixture: Fixture, _ id: Int64, sentHoursAgo: Double, checkedHoursAgo: Double? = nil,
                    acceptance: String? = nil, state: String = "sent", reference: String? = "ref") throws {
        let sentAt = now.milliseconds - Int64(sentHoursAgo * 3_600_000)
        let checkedAt = checkedHoursAgo.map { now.milliseconds - Int64($0 * 3_600_000) }
        try fixture.store.writeAndWait { connection in
            let update = try connection.cached("""
                UPDATE awards SET updated_at = ?1, acceptance_checked_at = ?2, acceptance = ?3, state = ?4, issuer_ref = ?5
                WHERE id = ?6
                """)
            try update.bind(sentAt, at: 1)
            try update.bind(checkedAt, at: 2)
            try update.bind(acceptance, at: 3)
            try update.bind(state, at: 4)
            try update.bind(reference, at: 5)
            try update.bind(id, at: 6)
            try update.run()
        }
    }

    @Test func theDueQueryPicksExactlyWhatTheScheduleSays() throws {
        let fixture = try Self.sentAwards()
        // (sent hours ago, checked hours ago): due and not due, around each edge.
        let cases: [(Double, Double?)] = [
            (0.5, nil), (1.01, nil), (3, 1.5), (3, 0.5), (10, 5.5), (10, 3), (100, 24.5), (100, 23),
            (719, 30), (721, nil), (721, 30), (2, 3), (50, nil), (8, 4), (16, 7.9), (16, 8.1),
        ]
        for (index, row) in cases.enumerated() {
            try Self.set(fixture, Int64(index + 1), sentHoursAgo: row.0, checkedHoursAgo: row.1)
        }
        let schedule = AcceptanceSchedule()
        let due = try fixture.store.awardsDueAcceptanceCheck(schedule: schedule, limit: 100, now: Self.now)
        let expected = cases.enumerated().filter { _, row in
            let hoursAgo = { (value: Double) in Timestamp(milliseconds: Self.now.milliseconds - Int64(value * 3_600_000)) }
            return schedule.isDue(sentAt: hoursAgo(row.0), checkedAt: row.1.map(hoursAgo), now: Self.now)
        }.map { Int64($0.offset + 1) }
        #expect(Set(due.map(\.id)) == Set(expected))
        #expect(Set(expected) == [2, 3, 5, 7, 9, 12, 13, 14, 16])
        // Longest sent first, with what a question needs.
        #expect(due.map(\.id) == [9, 7, 13, 16, 5, 14, 3, 12, 2])
        let first = try #require(due.first)
        #expect(first.reference == "ref" && first.badgeID == "obf-day1" && first.email == "learner4@example.org")
        #expect(first.checkedAt == Timestamp(milliseconds: Self.now.milliseconds - 30 * 3_600_000))
        #expect(try fixture.store.awardsDueAcceptanceCheck(schedule: schedule, limit: 3, now: Self.now).map(\.id) == [9, 7, 13])
    }

    @Test func neverAcceptedNotSentOrUnnamedAwards() throws {
        let fixture = try Self.sentAwards()
        for id in Int64(1)...20 { try Self.set(fixture, id, sentHoursAgo: 2) }
        try Self.set(fixture, 1, sentHoursAgo: 2, acceptance: "accepted")
        try Self.set(fixture, 2, sentHoursAgo: 2, acceptance: "pending")
        for (id, state) in [(3, "queued"), (4, "failed"), (5, "unsure"), (6, "sending")] {
            try Self.set(fixture, Int64(id), sentHoursAgo: 2, state: state)
        }
        try Self.set(fixture, 7, sentHoursAgo: 2, reference: nil)
        let due = try fixture.store.awardsDueAcceptanceCheck(schedule: AcceptanceSchedule(), limit: 100, now: Self.now)
        #expect(due.map(\.id) == [2] + Array(8...20))
    }

    @Test func theDueQuerySearchesTheIndexAndNeverScansTheAwards() throws {
        let fixture = try Self.sentAwards()
        let details = try fixture.queryPlan(KioskStore.acceptanceDueSQL)
        #expect(details.first == "SEARCH a USING INDEX awards_acceptance_due (state=? AND updated_at>?)")
        #expect(!details.contains { $0.hasPrefix("SCAN") || $0.contains("TEMP B-TREE") }, "\(details)")
        #expect(details.count == 2, "the index, then each award's claim by its key")
    }

    @Test func anAnswerWritesOnlyTheAcceptanceColumnsAndNeverUndoesAnAcceptance() throws {
        let fixture = try Self.sentAwards()
        try Self.set(fixture, 1, sentHoursAgo: 5)
        let before = try Self.row(fixture, 1)
        let checked = Self.now.adding(seconds: -60)
        try fixture.store.recordAcceptance(1, .notKnown, at: checked)
        #expect(try Self.row(fixture, 1) == Row(state: "sent", updatedAt: before.updatedAt, acceptance: nil, acceptedAt: nil,
                                               checkedAt: checked.milliseconds))
        try fixture.store.recordAcceptance(1, .pending, at: Self.now)
        #expect(try Self.row(fixture, 1).acceptance == "pending")
        try fixture.store.recordAcceptance(1, .notKnown, at: Self.now.adding(seconds: 1))
        #expect(try Self.row(fixture, 1).acceptance == "pending", "what the issuer said before stays")
        let accepted = Timestamp(milliseconds: 1_800_000_123_000)
        try fixture.store.recordAcceptance(1, .accepted(at: accepted), at: Self.now.adding(seconds: 2))
        try fixture.store.recordAcceptance(1, .pending, at: Self.now.adding(seconds: 3))
        #expect(try Self.row(fixture, 1) == Row(state: "sent", updatedAt: before.updatedAt, acceptance: "accepted",
                                               acceptedAt: accepted.milliseconds, checkedAt: Self.now.adding(seconds: 2).milliseconds))
        // Accepted with no time from the issuer: none is made up.
        try fixture.store.recordAcceptance(2, .accepted(at: nil), at: Self.now)
        #expect(try Self.row(fixture, 2).acceptance == "accepted" && Self.row(fixture, 2).acceptedAt == nil)
        // An award no longer sent (staff acted meanwhile) is left as it is.
        try Self.set(fixture, 3, sentHoursAgo: 5, state: "queued")
        try fixture.store.recordAcceptance(3, .accepted(at: accepted), at: Self.now)
        #expect(try Self.row(fixture, 3).acceptance == nil && Self.row(fixture, 3).state == "queued")
    }

    @Test func reportsCountWhatTheChecksRecorded() throws {
        let fixture = try Self.sentAwards()
        #expect(try fixture.store.sessionFigures().first?.tally.acceptanceKnown == 0)
        // Learners 0-2 accept both badges; 3 accepts one; the rest are pending.
        for id in Int64(1)...20 { try fixture.store.recordAcceptance(id, .pending, at: Self.now) }
        for id in Int64(1)...7 { try fixture.store.recordAcceptance(id, .accepted(at: Self.now), at: Self.now) }
        let tally = try #require(try fixture.store.sessionFigures().first).tally
        #expect(tally.sent == 10 && tally.acceptanceKnown == 10 && tally.accepted == 3)
    }

    struct Row: Equatable {
        var state: String
        var updatedAt: Int64
        var acceptance: String?
        var acceptedAt: Int64?
        var checkedAt: Int64?
    }

    static func row(_ fixture: Fixture, _ id: Int64) throws -> Row {
        let connection = try Connection.open(path: fixture.store.path, readOnly: true)
        defer { connection.close() }
        let select = try connection.prepare("""
            SELECT state, updated_at, acceptance, accepted_at, acceptance_checked_at FROM awards WHERE id = ?
            """)
        try select.bind(id, at: 1)
        _ = try select.step()
        return Row(state: select.text(at: 0) ?? "", updatedAt: select.int64(at: 1), acceptance: select.text(at: 2),
                   acceptedAt: select.optionalInt64(at: 3), checkedAt: select.optionalInt64(at: 4))
    }
}
