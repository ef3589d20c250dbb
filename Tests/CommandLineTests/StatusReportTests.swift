@testable import badgekiosk
import KioskCore
import KioskService
import KioskStore
import Testing

/// `badgekiosk status`'s screen, from figures.
@Suite("The status screen")
struct StatusReportTests {
    private let now = Timestamp(milliseconds: 1_800_000_000_000)

    private func facts(queued: Int = 0, unsure: Int = 0, oldestAgo seconds: Int64? = nil, errors: [AwardError] = []) -> StatusCommand.Facts {
        var counts = Dictionary(uniqueKeysWithValues: Award.State.allCases.map { ($0, 0) })
        (counts[.queued], counts[.sent], counts[.failed], counts[.unsure]) = (queued, 40, 1, unsure)
        return StatusCommand.Facts(
            activity: StoreActivity(sessionsSince: 2, claimsSince: 31, sessions: 45, claims: 1203),
            outbox: OutboxSummary(counts: counts, oldestQueuedAt: seconds.map { now.adding(seconds: -$0) }, lastErrors: errors),
            followedAddress: "192.168.1.20")
    }

    @Test func awardsKeptForALaterEmailAreCountedApart() {
        var figures = facts(queued: 2)
        figures.outbox.counts[.waiting] = 3
        figures.outbox.counts[.lapsed] = 1
        let status = StatusCommand.report(figures, configuration: ServiceConfiguration(), version: "v", now: now)
        #expect(status.contains("Outbox: 2 waiting, 0 being sent, 40 sent, 1 refused, 0 unsure, 3 kept until the learner adds an email."))
        let outbox = OutboxCommand.report(figures.outbox, configuration: ServiceConfiguration(), now: now)
        #expect(outbox.contains("Kept for learners with no email yet: 3 (sent once an email is added at the kiosk or on the phone page); "
            + "1 lapsed unsent at the retention purge."))
        #expect(!OutboxCommand.report(facts(queued: 2).outbox, configuration: ServiceConfiguration(), now: now)
            .contains { $0.hasPrefix("Kept for learners") })
    }

    @Test func oneScreenOfFigures() {
        var configuration = ServiceConfiguration()
        configuration.issuer = .obf
        configuration.issuerURL = "https://openbadgefactory.com"
        let problem = AwardError(awardID: 12, badgeID: "obf-1", error: "HTTP 503", at: now)
        let lines = StatusCommand.report(facts(queued: 3, unsure: 1, oldestAgo: 125, errors: [problem]),
                                         configuration: configuration, version: "badgekiosk 9.9.9", now: now)
        #expect(lines == [
            "badgekiosk 9.9.9",
            "State folder: /var/lib/badgekiosk",
            "Today: 2 sessions, 31 claims. In all: 45 sessions, 1203 claims.",
            "Outbox: 3 waiting, 0 being sent, 40 sent, 1 refused, 1 unsure.",
            "The oldest waiting award has waited 2 min.",
            "Unsure awards wait for you to check them: badgekiosk outbox",
            "Issuer: Open Badge Factory at https://openbadgefactory.com.",
            "Last problem: \(now.iso8601), award 12 (badge obf-1): HTTP 503",
            "Claim link: http://192.168.1.20:8080 (this machine's address, followed as the network changes).",
        ])
        #expect(lines.count <= 24)
    }

    @Test func quietKioskWithNoIssuer() {
        var configuration = ServiceConfiguration()
        configuration.publicURL = "https://badges.example.org"
        let lines = StatusCommand.report(facts(), configuration: configuration, version: "v", now: now)
        #expect(lines.contains("Issuer: none is set, so awards wait until one is."))
        #expect(lines.contains("Last problem: none."))
        #expect(lines.contains("Claim link: https://badges.example.org (public_url)."))
        #expect(!lines.contains { $0.hasPrefix("The oldest") || $0.hasPrefix("Unsure") })
    }

    @Test func claimLinkOnLoopbackOrOffline() {
        var configuration = ServiceConfiguration()
        #expect(StatusCommand.claimLink(configuration, followed: nil).hasPrefix("none: this machine has no network address"))
        configuration.listenHost = "127.0.0.1"
        #expect(StatusCommand.claimLink(configuration, followed: "10.0.0.2").contains("phones cannot reach it"))
    }
}
