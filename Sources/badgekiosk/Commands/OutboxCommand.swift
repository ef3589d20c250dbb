import Foundation
import Issuers
import KioskCore
import KioskService
import KioskStore

/// `badgekiosk outbox`: the awards on their way to the issuer, in plain words for an admin.
enum OutboxCommand {
    static let declaration = CommandDeclaration(
        "outbox", summary: "Show the awards on their way to the issuer, and any problems.",
        description: """
        Shows how many awards are waiting, being sent, sent, refused and unsure, how long the oldest
        has waited, the latest problems, and each unsure award. It reads the database in the state
        folder directly, so it works whether or not the service is running (run it as the service's
        user, or as root).

        An award is unsure when the issuer may or may not have it and cannot be asked (Navigatr has no
        way to ask). It is never sent again on its own. Look for the learner's email on the issuer's
        own pages (Navigatr: the badge's Recipients tab), then:
          resend AWARD   It is not there: send it again now, once.
          arrived AWARD  It is there: count it as sent.
        Both ask the running service (found at service_url, else the listen port on 127.0.0.1) with
        the staff token from the state folder. If the service is not running they change the
        database directly, and a resent award goes when the service starts.

        'badgekiosk outbox not-accepted' lists learners who have not accepted their badge some days
        after it was sent, with what to do for them.

        To issue refused awards by hand in Open Badge Factory, 'badgekiosk outbox export' writes them
        as its bulk-issuing CSV files. To send a refused award again once the cause is fixed, ask the
        running service:
          curl -X POST -H "Authorization: Bearer $(cat STATE_DIR/staff-token)" \\
               http://127.0.0.1:8080/api/v1/outbox/AWARD_NUMBER/retry
        """,
        options: LocalStore.options,
        actions: [settleAction(.resend, summary: "Send an unsure award again now, once: it is not at the issuer."),
                  settleAction(.arrived, summary: "Count an unsure or refused award as sent: it is at the issuer."),
                  exportAction, notAcceptedAction],
        run: show)

    /// `outbox resend|arrived AWARD`.
    private static func settleAction(_ choice: KioskStore.UnsureChoice, summary: String) -> CommandDeclaration {
        CommandDeclaration(
            choice.rawValue, summary: summary,
            description: """
            \(summary)
            Use it once you have looked for the learner's email on the issuer's own pages (Navigatr: the
            badge's Recipients tab). It asks the running service (found at service_url, else the listen
            port on 127.0.0.1) with the staff token from the state folder. If the service is not running
            it changes the database directly, and a resent award goes when the service starts.
            """,
            positionals: [PositionalDeclaration("AWARD", doc: "the award's number, as 'badgekiosk outbox' lists it")],
            run: { parsed in
                let award = try parsed.required(positional: "AWARD")
                guard let id = Int64(award), id > 0 else {
                    throw parsed.problem("\(choice.rawValue) needs an award number, as 'badgekiosk outbox' lists them, not '\(award)'")
                }
                Console.out(try settle(id, choice, settings: SettingsOptions.load(parsed)))
            })
    }

    private static func show(_ parsed: ParsedArguments) throws {
        let configuration = try SettingsOptions.load(parsed).service
        let store = try LocalStore.openExisting(configuration)
        defer { store.close() }
        let summary = try store.outboxSummary()
        for line in report(summary, configuration: configuration, now: .now()) { Console.out(line) }
    }

    static func report(_ summary: OutboxSummary, configuration: ServiceConfiguration, now: Timestamp) -> [String] {
        let count = { (state: Award.State) in summary.counts[state] ?? 0 }
        var lines = ["Awards: \(count(.queued)) waiting, \(count(.sending)) being sent, \(count(.sent)) sent, "
            + "\(count(.failed)) refused by the issuer" + (count(.unsure) > 0 ? ", \(count(.unsure)) unsure." : ".")]
        if count(.waiting) > 0 || count(.lapsed) > 0 {
            lines.append("Kept for learners with no email yet: \(count(.waiting)) (sent once an email is added at the kiosk "
                + "or on the phone page)" + (count(.lapsed) > 0 ? "; \(count(.lapsed)) lapsed unsent at the retention purge." : "."))
        }
        if let issuer = configuration.issuer, let url = configuration.issuerURL {
            lines.append("Issuer: \(issuer.displayName) at \(url).")
        } else {
            lines.append("No issuer is configured: awards wait until one is set (see issuer in the config file).")
        }
        if let oldest = summary.oldestQueuedAt {
            lines.append("The oldest waiting award has waited \(duration(seconds: (now.milliseconds - oldest.milliseconds) / 1000)).")
        } else if count(.unsure) > 0 {
            lines.append("Nothing is queued to send, but some awards wait for you to check them (below).")
        } else {
            lines.append("Nothing is waiting.")
        }
        if !summary.lastErrors.isEmpty {
            lines.append("Latest problems (newest first):")
            for error in summary.lastErrors {
                lines.append("  award \(error.awardID), badge \(error.badgeID), \(error.at.iso8601): \(error.error)")
            }
        }
        let unsure = count(.unsure)
        if unsure > 0 {
            lines.append("\(unsure) award\(unsure == 1 ? " is" : "s are") unsure, waiting for you to check (oldest first):")
            for award in summary.unsure {
                lines.append("  award \(award.id), badge \(award.badgeID), since \(award.since.iso8601): "
                    + award.advice(issuer: configuration.issuer)
                    + " Then run 'badgekiosk outbox resend \(award.id)' or 'badgekiosk outbox arrived \(award.id)'.")
            }
            if summary.unsure.count < unsure { lines.append("  and \(unsure - summary.unsure.count) more.") }
        }
        return lines
    }

    /// `45 s`, `12 min`, `3 h 5 min`, `2 days 4 h`.
    static func duration(seconds: Int64) -> String {
        let value = max(0, seconds)
        if value < 60 { return "\(value) s" }
        if value < 3600 { return "\(value / 60) min" }
        if value < 86_400 { return "\(value / 3600) h \(value % 3600 / 60) min" }
        return "\(value / 86_400) days \(value % 86_400 / 3600) h"
    }
}
