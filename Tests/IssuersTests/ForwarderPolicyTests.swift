import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskStore
import Posix

/// The forwarder's rules as a value: an outcome and a time in, actions out. No threads, store or issuer.
@Suite("Forwarder policy")
struct ForwarderPolicyTests {
    static let award = OutboxItem(id: 7, claimID: "c7", badgeID: "intro-day-1", name: "Amira", email: "amira@example.org",
                                  claimedAt: Timestamp(milliseconds: 1_790_000_000_000), attempts: 1, verify: false)
    static let start = Moment(nanoseconds: 1_000_000_000_000)

    private func policy() -> ForwarderPolicy {
        ForwarderPolicy(backoff: Backoff(base: 1, cap: 60), maxRetryAfter: 120)
    }

    @Test func aSentAwardIsSavedAndEndsTheStreak() {
        var policy = policy()
        var generator = SeededGenerator(seed: 1)
        _ = policy.on(.retry(RetryAdvice(reason: "HTTP 500", ambiguous: true)), award: Self.award, now: Self.start, using: &generator)
        #expect(policy.failureStreak == 1)
        let actions = policy.on(.sent("E1"), award: Self.award, now: Self.start, using: &generator)
        #expect(actions == [.settle(.sent(reference: "E1"))])
        #expect(policy.failureStreak == 0)
    }

    @Test func aRefusalIsParkedWithItsReasonAndLogged() {
        var policy = policy()
        var generator = SeededGenerator(seed: 1)
        let actions = policy.on(.rejected("HTTP 400: unknown badge"), award: Self.award, now: Self.start, using: &generator)
        #expect(actions.last == .settle(.failed(reason: "HTTP 400: unknown badge")))
        #expect(actions.contains { if case let .log(line) = $0 { line.contains("refused by the issuer") } else { false } })
    }

    @Test func aRetryOfOneAwardWaitsWithinTheBackoffAndPausesNothing() {
        var policy = policy()
        var generator = SeededGenerator(seed: 3)
        for streak in 1...8 {
            let actions = policy.on(.retry(RetryAdvice(reason: "HTTP 503", ambiguous: true)), award: Self.award,
                                    now: Self.start, using: &generator)
            guard case let .settle(.retry(error, ambiguous, next))? = actions.last, actions.count == 1 else {
                Issue.record("expected one retry, got \(actions)")
                return
            }
            #expect(error == "HTTP 503" && ambiguous)
            // The award's own attempts (1) bound the backoff, however long the streak: 1 s at most.
            #expect(next >= Self.start && next.milliseconds(after: Self.start) <= 1_000, "streak \(streak)")
        }
        #expect(!policy.isPaused(at: Self.start))
    }

    @Test func anUnansweredAttemptIsLookedUpOnlyAfterOneMoreTimeout() {
        var policy = ForwarderPolicy(backoff: Backoff(base: 1, cap: 60), maxRetryAfter: 120, unansweredWait: 20)
        var generator = SeededGenerator(seed: 1)
        let lost = RetryAdvice(.lost("the issuer did not answer in time"))
        guard case let .settle(.retry(_, ambiguous, next))? = policy.on(.retry(lost), award: Self.award, now: Self.start,
                                                                       using: &generator).last else {
            Issue.record("not retried")
            return
        }
        #expect(ambiguous && next.milliseconds(after: Self.start) >= 20_000)
        // An answer that came (a 5xx) was carried out or not already: no extra wait.
        let answered = policy.on(.retry(RetryAdvice(reason: "HTTP 500", ambiguous: true)), award: Self.award, now: Self.start,
                                 using: &generator)
        guard case let .settle(.retry(_, _, soon))? = answered.last else { Issue.record("not retried"); return }
        #expect(soon.milliseconds(after: Self.start) <= 1_000)
    }

    @Test func retryAfterIsHonouredUpToItsLimit() {
        var policy = policy()
        var generator = SeededGenerator(seed: 1)
        let actions = policy.on(.retry(RetryAdvice(reason: "slow down", ambiguous: false, retryAfter: 30)), award: Self.award,
                                now: Self.start, using: &generator)
        #expect(actions == [.settle(.retry(error: "slow down", ambiguous: false, next: Self.start.adding(seconds: 30)))])
        let capped = policy.on(.retry(RetryAdvice(reason: "slow down", ambiguous: false, retryAfter: 86_400)), award: Self.award,
                               now: Self.start, using: &generator)
        #expect(capped == [.settle(.retry(error: "slow down", ambiguous: false, next: Self.start.adding(seconds: 120)))])
    }

    @Test func anIssuerWideProblemPausesEverythingOnceAndTheAnswerEndsIt() {
        var policy = policy()
        var generator = SeededGenerator(seed: 1)
        let down = RetryAdvice(reason: "the issuer could not be reached", ambiguous: false, retryAfter: 10, issuerWide: true)
        let first = policy.on(.retry(down), award: Self.award, now: Self.start, using: &generator)
        let until = Self.start.adding(seconds: 10)
        #expect(first == [.log("sending paused for 10.0 s: the issuer could not be reached"), .pause(until: until),
                          .settle(.retry(error: "the issuer could not be reached", ambiguous: false, next: until))])
        #expect(policy.isPaused(at: Self.start) && !policy.isPaused(at: until))
        #expect(policy.lastProblem == "the issuer could not be reached")
        // A second failure while paused: no second log line, and the pause never shortens.
        let shorter = RetryAdvice(reason: "the issuer could not be reached", ambiguous: false, retryAfter: 2, issuerWide: true)
        let second = policy.on(.retry(shorter), award: Self.award, now: Self.start.adding(seconds: 1), using: &generator)
        #expect(second == [.pause(until: until), .settle(.retry(error: shorter.reason, ambiguous: false, next: until))])
        let back = policy.on(.sent("E2"), award: Self.award, now: until, using: &generator)
        #expect(back == [.log("the issuer is answering again"), .settle(.sent(reference: "E2"))])
    }

    @Test func anUnsureAwardWaitsForStaffAndCountsAsAFailure() {
        var policy = policy()
        var generator = SeededGenerator(seed: 1)
        let actions = policy.on(.unsure("connection lost"), award: Self.award, now: Self.start, using: &generator)
        #expect(actions.last == .settle(.unsure(reason: "connection lost")))
        #expect(policy.failureStreak == 1)
    }

    @Test func whatAnAttemptCameTo() {
        let lost = RetryAdvice(reason: "connection lost", ambiguous: true)
        #expect(ForwarderPolicy.outcome(of: .retry(lost), canLookUp: true) == .retry(lost))
        #expect(ForwarderPolicy.outcome(of: .retry(lost), canLookUp: false) == .unsure("connection lost"))
        let busy = RetryAdvice(reason: "429", ambiguous: false)
        #expect(ForwarderPolicy.outcome(of: .retry(busy), canLookUp: false) == .retry(busy))
        #expect(ForwarderPolicy.outcome(of: .sent(reference: "E1"), canLookUp: false) == .sent("E1"))
        #expect(ForwarderPolicy.outcome(of: .found(reference: "E1"), issuer: .obf) == .sent("E1"))
        #expect(ForwarderPolicy.outcome(of: .notFound, issuer: .obf) == nil)
        guard case .unsure? = ForwarderPolicy.outcome(of: .cannotAsk, issuer: .navigatr) else {
            Issue.record("an issuer that cannot be asked did not make the award unsure")
            return
        }
    }
}
