import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskStore
import Posix

/// The acceptance checks' pace as a value: answers and times in, actions out. No threads, store or issuer.
@Suite("Acceptance pacing")
struct AcceptancePacingTests {
    static let start = Moment(nanoseconds: 1_000_000_000_000)
    static let slowDown = RetryAdvice(reason: "HTTP 429", ambiguous: false, retryAfter: 7, issuerWide: true)
    static let serverError = RetryAdvice(reason: "HTTP 503", ambiguous: false, issuerWide: true)

    private func pacing() -> AcceptancePacing {
        AcceptancePacing(minInterval: 1, backoff: Backoff(base: 2, cap: 60), maxRetryAfter: 30)
    }

    private func seconds(_ moment: Moment, after start: Moment = start) -> Double {
        Double(moment.milliseconds(after: start)) / 1000
    }

    @Test func answersAreRecordedAsTheIssuerGaveThem() {
        var pacing = pacing()
        var generator = SeededGenerator(seed: 1)
        let at = Timestamp(milliseconds: 1_800_000_000_000)
        #expect(pacing.on(.accepted(at: at), at: Self.start, using: &generator) == [.record(.accepted(at: at))])
        #expect(pacing.on(.accepted(at: nil), at: Self.start, using: &generator) == [.record(.accepted(at: nil))])
        #expect(pacing.on(.pending, at: Self.start, using: &generator) == [.record(.pending)])
        #expect(pacing.on(.notKnown, at: Self.start, using: &generator) == [.record(.notKnown)])
        #expect(pacing.pausedUntil == nil && pacing.failureStreak == 0)
    }

    @Test func questionsAreNeverCloserThanTheMinimumInterval() {
        var pacing = pacing()
        #expect(pacing.nextQuestion(after: Self.start) == Self.start)
        pacing.asked(at: Self.start)
        #expect(pacing.nextQuestion(after: Self.start.adding(seconds: 0.3)) == Self.start.adding(seconds: 1))
        #expect(pacing.nextQuestion(after: Self.start.adding(seconds: 5)) == Self.start.adding(seconds: 5))
    }

    /// A long run with mixed answers, each question sent as soon as allowed: any span of T seconds holds
    /// at most ⌊T / interval⌋ + 1 questions, and none goes inside a pause.
    @Test(arguments: [1, 2, 3])
    func theRateBoundHoldsThroughEveryMixOfAnswers(seed: UInt64) {
        var pacing = AcceptancePacing(minInterval: 0.5, backoff: Backoff(base: 0.2, cap: 5), maxRetryAfter: 3)
        var generator = SeededGenerator(seed: seed)
        var now = Self.start
        var asked: [Moment] = []
        var pauses: [(from: Moment, until: Moment)] = []
        for _ in 0..<2000 {
            now = pacing.nextQuestion(after: now.adding(seconds: Double.random(in: 0...0.3, using: &generator)))
            pacing.asked(at: now)
            asked.append(now)
            let answered = now.adding(seconds: Double.random(in: 0...0.4, using: &generator))
            let result: AcceptanceResult = switch Int.random(in: 0..<6, using: &generator) {
            case 0: .retry(Self.slowDown)
            case 1: .retry(Self.serverError)
            case 2: .retry(RetryAdvice(.lost("timed out")))
            case 3: .accepted(at: nil)
            case 4: .notKnown
            default: .pending
            }
            for case let .pause(until) in pacing.on(result, at: answered, using: &generator) {
                pauses.append((answered, until))
            }
            now = answered
        }
        for (index, moment) in asked.enumerated() {
            // The questions up to 10 after this one, never squeezed together.
            for later in 1...10 where index + later < asked.count {
                #expect(seconds(asked[index + later], after: moment) >= Double(later) * 0.5)
            }
        }
        #expect(!pauses.isEmpty)
        #expect(pauses.allSatisfy { pause in !asked.contains { $0 >= pause.from && $0 < pause.until } })
    }

    @Test func aSlowDownIsHonouredForItsRetryAfterCappedAndLoggedOnce() {
        var pacing = pacing()
        var generator = SeededGenerator(seed: 1)
        let actions = pacing.on(.retry(Self.slowDown), at: Self.start, using: &generator)
        #expect(actions == [.log("acceptance checks paused for 7.0 s: HTTP 429"), .pause(until: Self.start.adding(seconds: 7))])
        #expect(pacing.nextQuestion(after: Self.start) == Self.start.adding(seconds: 7))
        var long = Self.slowDown
        long.retryAfter = 3600
        #expect(pacing.on(.retry(long), at: Self.start, using: &generator) == [.pause(until: Self.start.adding(seconds: 30))])
        // A shorter wait asked later never shortens the pause already in force.
        #expect(pacing.on(.retry(Self.slowDown), at: Self.start.adding(seconds: 1), using: &generator)
            == [.pause(until: Self.start.adding(seconds: 30))])
        #expect(pacing.on(.pending, at: Self.start.adding(seconds: 31), using: &generator)
            == [.log("the issuer answers acceptance checks again"), .record(.pending)])
        #expect(pacing.on(.pending, at: Self.start.adding(seconds: 32), using: &generator) == [.record(.pending)])
    }

    @Test func theBackoffGrowsWithFailuresInARowAndAnAnswerEndsIt() {
        var pacing = pacing()
        var generator = SeededGenerator(seed: 9)
        var now = Self.start
        for streak in 1...8 {
            let actions = pacing.on(.retry(Self.serverError), at: now, using: &generator)
            guard case let .pause(until)? = actions.last else {
                Issue.record("no pause: \(actions)")
                return
            }
            let ceiling = min(60, 2 * Double(1 << (streak - 1)))
            let wait = seconds(until, after: now)
            // Half to all of the ceiling: a pause is always a real one.
            #expect(wait >= ceiling / 2 - 0.001 && wait <= ceiling + 0.001, "streak \(streak): \(wait) s")
            #expect(pacing.failureStreak == streak)
            now = until
        }
        _ = pacing.on(.notKnown, at: now, using: &generator)
        #expect(pacing.failureStreak == 0)
        guard case let .pause(until)? = pacing.on(.retry(Self.serverError), at: now, using: &generator).last else { return }
        #expect(seconds(until, after: now) <= 2)
    }
}
