import Foundation
import KioskCore
import KioskService
import KioskStore
import Posix

/// `badgekiosk status`: the kiosk at a glance, on one screen.
enum StatusCommand {
    static let declaration = CommandDeclaration(
        "status", summary: "Show the kiosk at a glance: today's claims, the outbox, the issuer, the claim link.",
        description: """
        One screen: sessions and claims today and in all, the awards in the outbox and how long the oldest
        has waited, the issuer and its latest problem, where claim links lead, and this version. It reads
        the database in the state folder directly, so it works whether or not the service is running (run
        it as the service's user, or as root). 'badgekiosk outbox' shows the outbox in full, and
        'badgekiosk doctor' checks everything.
        """,
        options: LocalStore.options,
        run: run)

    private static func run(_ parsed: ParsedArguments) throws {
        let configuration = try SettingsOptions.load(parsed).service
        let store = try LocalStore.openExisting(configuration)
        defer { store.close() }
        let today = Timestamp(Calendar.current.startOfDay(for: Date()))
        let facts = Facts(activity: try store.activity(since: today), outbox: try store.outboxSummary(),
                          followedAddress: NetworkInterfaces.currentIPv4())
        for line in report(facts, configuration: configuration, version: Version.line, now: .now()) { Console.out(line) }
    }

    /// What the report is made from, read from the store and the machine.
    struct Facts: Sendable {
        var activity: StoreActivity
        var outbox: OutboxSummary
        /// This machine's address on the network, which claim links use when `public_url` is not set.
        var followedAddress: String?
    }

    /// The lines `status` prints: a dozen at most, so it fits a 24-line screen.
    static func report(_ facts: Facts, configuration: ServiceConfiguration, version: String, now: Timestamp) -> [String] {
        let activity = facts.activity, outbox = facts.outbox
        let count = { (state: Award.State) in outbox.counts[state] ?? 0 }
        var lines = [version, "State folder: \(configuration.stateDirectory)",
                     "Today: \(plural(activity.sessionsSince, "session")), \(plural(activity.claimsSince, "claim")). "
                         + "In all: \(plural(activity.sessions, "session")), \(plural(activity.claims, "claim")).",
                     "Outbox: \(count(.queued)) waiting, \(count(.sending)) being sent, \(count(.sent)) sent, "
                         + "\(count(.failed)) refused, \(count(.unsure)) unsure"
                         + (count(.waiting) > 0 ? ", \(count(.waiting)) kept until the learner adds an email." : ".")]
        if let oldest = outbox.oldestQueuedAt {
            lines.append("The oldest waiting award has waited \(OutboxCommand.duration(seconds: (now.milliseconds - oldest.milliseconds) / 1000)).")
        }
        if count(.unsure) > 0 { lines.append("Unsure awards wait for you to check them: badgekiosk outbox") }
        if let issuer = configuration.issuer, let url = configuration.issuerURL {
            lines.append("Issuer: \(issuer.displayName) at \(url).")
        } else {
            lines.append("Issuer: none is set, so awards wait until one is.")
        }
        if let problem = outbox.lastErrors.first {
            lines.append("Last problem: \(problem.at.iso8601), award \(problem.awardID) (badge \(problem.badgeID)): \(problem.error)")
        } else {
            lines.append("Last problem: none.")
        }
        lines.append("Claim link: " + claimLink(configuration, followed: facts.followedAddress))
        return lines
    }

    /// Where claim links lead, as the service makes them (see `ClaimAddress`).
    static func claimLink(_ configuration: ServiceConfiguration, followed: String?) -> String {
        if let url = configuration.publicURL { return "\(url) (public_url)." }
        let port = configuration.listenPort
        if ServiceConfiguration.isLoopback(configuration.listenHost) {
            return "http://127.0.0.1:\(port) (the service listens on this machine only, so phones cannot reach it)."
        }
        guard let followed else { return "none: this machine has no network address, so phones cannot reach it." }
        return "http://\(followed):\(port) (this machine's address, followed as the network changes)."
    }

    /// `1 claim`, `3 claims`.
    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
