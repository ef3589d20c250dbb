import Foundation
import Posix
import Testing
@testable import Issuers
import KioskCore
import KioskStore

/// What an issuer answers reaches the service log only through `LogText`; what a learner typed
/// reaches an issuer's recipient field only with its angle brackets removed scalar by scalar.
@Suite("Issuer text: the log and the recipient", .serialized)
struct IssuerTextTests {
    /// An issuer that refuses every award with text meant to forge log lines and move the cursor.
    struct HostileIssuer: IssuerAdapter {
        static let reason = "bad recipient\u{0085}2026 badgekiosk: all sent\u{2028}\u{1B}[2J\u{009B}31m\u{202E}gnp.exe"
        var kind: IssuerKind { .obf }
        func issue(_ award: OutboxItem) -> IssueResult { .rejected(reason: Self.reason) }
        func lookup(_ award: OutboxItem) -> LookupResult { .notFound }
        func catalogue() throws(IssuerError) -> [Badge] { [] }
        func abandonInFlight() {}
    }

    @Test func anIssuersRefusalIsSanitisedInTheLog() throws {
        let drill = try Drill(startSimulator: false)
        let lines = Locked<[String]>([])
        let forwarder = Forwarder(store: drill.store, issuer: HostileIssuer(),
                                  settings: ForwarderSettings(concurrency: 1, backoff: Backoff(base: 0.01, cap: 0.05),
                                                              retentionDays: nil),
                                  onChange: { _ in drill.changed.lock(); drill.changed.broadcast(); drill.changed.unlock() },
                                  log: { line in lines.withLock { $0.append(line) } })
        try forwarder.start()
        defer { forwarder.stop() }
        try drill.claim(1)
        forwarder.wake()
        try drill.awaitSettled(total: 1)
        let logged = try #require(lines.withLock { $0 }.first { $0.contains("refused by the issuer") })
        #expect(!logged.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 })
        #expect(LogText.sanitize(logged) == logged)
        #expect(logged.hasSuffix("bad recipient\\u{85}2026 badgekiosk: all sent\\u{2028}\\u{1B}[2J\\u{9B}31m\\u{202E}gnp.exe"))
    }

    @Test func anAngleBracketHiddenByAJoinerNeverReachesTheRecipient() throws {
        let award = OutboxItem(id: 1, claimID: "c", badgeID: "b", name: "Ann <\u{200D}x@evil.example>\u{0301}",
                               email: "ann@example.org", claimedAt: Timestamp(milliseconds: 1_764_000_000_000),
                               attempts: 1, verify: false)
        let body = OBFAdapter.body(award, venue: "Hall", issuedAt: award.claimedAt)
        let recipient = try #require((body["recipient"] as? [String])?.first)
        #expect(recipient.unicodeScalars.filter { $0 == "<" }.count == 1)
        #expect(recipient.unicodeScalars.filter { $0 == ">" }.count == 1)
        #expect(recipient.hasSuffix(" <ann@example.org>"))
    }
}
