import Foundation
import Testing
import HTTPCore
@testable import Issuers
import IssuerSimulator
import KioskCore
@testable import KioskStore

/// The issuer's clock rules: never an issue time in the issuer's future, whatever either clock says.
@Suite("Issue times and the issuer's clock", .serialized)
struct IssuerClockTests {
    @Test(arguments: [IssuerKind.obf, .badgr], [-30.0, 30.0])
    func issuerClockAheadOrBehindSendsEveryAward(kind: IssuerKind, offset: Double) throws {
        let drill = try Drill(kind: kind) { $0.clockOffset = offset }
        try drill.startForwarder()
        try drill.claim(200)
        try drill.awaitSettled(total: 200)
        try drill.expectExactlyOnce(200)
        #expect(drill.simulator.requests.allSatisfy { $0.status != 400 }, "an issue time was refused")
    }

    @Test(arguments: [IssuerKind.obf, .badgr])
    func anIssuerClockThatJumpsBackIsFollowedNotParked(kind: IssuerKind) throws {
        let drill = try Drill(kind: kind)
        try drill.startForwarder()
        try drill.claim(20)
        try drill.awaitSettled(total: 20)
        // The issuer's clock is put back a minute: the kiosk's idea of it is now a minute fast.
        drill.simulator.clockOffset = -60
        try drill.claim(20)
        try drill.awaitSettled(total: 40)
        try drill.expectExactlyOnce(40)
        let refused = drill.simulator.requests.filter { $0.status == 400 }
        #expect(!refused.isEmpty, "the stale clock was never refused, so the correction was not exercised")
        #expect(try drill.storedAwards().allSatisfy { $0.state == "sent" })
    }

    @Test(arguments: [IssuerKind.obf, .badgr], ["a year fast", "a dead CMOS battery"])
    func claimsStoredUnderAWrongClockStillGoOut(kind: IssuerKind, clock: String) throws {
        let drill = try Drill(kind: kind)
        try drill.claim(10)
        let stored = clock == "a year fast" ? Timestamp.now().adding(seconds: 365 * 86_400) : Timestamp(milliseconds: 0)
        try drill.store.writeAndWait { connection in
            try connection.execute("UPDATE claims SET created_at = \(stored.milliseconds)")
        }
        try drill.startForwarder()
        try drill.awaitSettled(total: 10)
        try drill.expectExactlyOnce(10)
        let now = Date().timeIntervalSince1970
        for award in drill.simulator.awards {
            let sent = kind == .obf ? Double(award.issuedOn) : ISO8601DateFormatter().date(from: award.issuedOn)?.timeIntervalSince1970
            let seconds = try #require(sent)
            #expect(seconds <= now && seconds > now - 600, "issued at \(award.issuedOn)")
        }
    }

    @Test func aRetryPutOffByAClockSinceSetBackIsSentWithoutARestart() throws {
        let drill = try Drill()
        let forwarder = try drill.startForwarder()
        try drill.claim(1, wake: false)
        // As if it had been put off while the wall clock ran a year fast, and the clock was then corrected.
        let later = Timestamp.now().adding(seconds: 365 * 86_400).milliseconds
        try drill.store.writeAndWait { try $0.execute("UPDATE awards SET next_attempt_at = \(later)") }
        forwarder.wake()
        try drill.awaitSettled(total: 1)
        try drill.expectExactlyOnce(1)
    }

    @Test func issueTimeIsTheClaimTimeUnlessThatIsInTheIssuersFuture() {
        let claimed = Timestamp(milliseconds: 1_790_000_000_000)
        let later = claimed.adding(seconds: 3600)
        #expect(IssueTime.forAward(claimedAt: claimed, issuerNow: later) == claimed)
        #expect(IssueTime.forAward(claimedAt: claimed, issuerNow: claimed) == claimed.adding(seconds: -IssueTime.marginSeconds))
        #expect(IssueTime.forAward(claimedAt: later, issuerNow: claimed) == claimed.adding(seconds: -IssueTime.marginSeconds))
        // A clock that had lost the date: "just now" as the issuer sees it.
        #expect(IssueTime.forAward(claimedAt: Timestamp(milliseconds: 0), issuerNow: later)
                == later.adding(seconds: -IssueTime.marginSeconds))
    }

    @Test func httpDatesBothWays() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(1_709_164_800) == "Thu, 29 Feb 2024 00:00:00 GMT")
        for seconds: Int64 in [0, 951_782_400, 1_709_164_800, 4_102_444_799] {
            #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
        }
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
        #expect(HTTPDate.parse("") == nil)
    }
}

/// badgr-server's answers as the real server gives them, read into plain words and waits.
@Suite("Badgr's sign-in and refusal answers", .serialized)
struct BadgrAnswerTests {
    private func reply(_ status: Int, _ json: String, headers: [String: String] = [:]) -> IssuerReply {
        IssuerReply(status: status, headers: headers, body: Data(json.utf8))
    }

    @Test func aThrottledSignInWaitsTheSecondsItNames() {
        let outcome = SignedClient.tokenOutcome(reply(429, #"{"error":"login attempts throttled","expires":37}"#))
        guard case let .failure(advice) = outcome else { Issue.record("not refused"); return }
        #expect(advice.retryAfter == 37)
        #expect(advice.issuerWide && !advice.ambiguous)
    }

    @Test(arguments: [
        (400, #"{"error":"invalid client_id"}"#, "check issuer_client_id"),
        (401, #"{"error":"invalid_client"}"#, "check the secret file"),
        (400, #"{"error":"invalid_grant"}"#, "user name or password"),
    ])
    func signInRefusalsSayWhatToCheck(status: Int, body: String, words: String) {
        guard case let .failure(advice) = SignedClient.tokenOutcome(reply(status, body)) else {
            Issue.record("not refused")
            return
        }
        #expect(advice.reason.contains(words), "\(advice.reason)")
        #expect(advice.retryAfter == nil)
    }

    @Test func aWrongSecretReachesTheOutboxAsWhatToCheck() throws {
        let drill = try Drill(kind: .badgr)
        drill.issuerSecret = "not-the-secret"
        let forwarder = try drill.startForwarder()
        try drill.claim(1)
        let limit = Date().addingTimeInterval(20)
        while forwarder.status.lastProblem == nil, Date() < limit { usleep(10_000) }
        #expect(forwarder.status.lastProblem?.contains("check the secret file") == true, "\(forwarder.status)")
        #expect(drill.simulator.requests.contains { $0.path == "/o/token" && $0.status == 401 })
    }

    @Test func aFutureIssueTimeIsRetriedNeverParked() {
        let refusal = reply(400, #"{"status":{"success":false,"description":"Could not award this badge."},"#
            + #""fieldErrors":{"issuedOn":["Only issuedOn dates in the past are acceptable."]},"validationErrors":[]}"#)
        #expect(StatusRules.refusesFutureTime(refusal))
        guard case let .retry(advice) = StatusRules.issueRefusal(refusal) else {
            Issue.record("parked as failed")
            return
        }
        #expect(!advice.ambiguous)
        let other = reply(400, #"{"status":{"success":false},"fieldErrors":{"recipient":["bad"]},"validationErrors":[]}"#)
        #expect(!StatusRules.refusesFutureTime(other))
        guard case .rejected = StatusRules.issueRefusal(other) else { Issue.record("a real refusal was not parked"); return }
    }
}
