import Testing
@testable import KioskCore

/// A clock the tests move by hand.
struct FakeClock {
    var now = Timestamp(milliseconds: 1_800_000_000_000)

    mutating func advance(seconds: Int64) {
        now = now.adding(seconds: seconds)
    }
}

@Suite("Attempt limiter")
struct AttemptLimiterTests {
    @Test func blocksAfterTooManyAttemptsAndRecovers() {
        var limiter = AttemptLimiter(maxAttempts: 3, windowSeconds: 60)
        var clock = FakeClock()
        let start = clock.now
        for _ in 0..<3 {
            #expect(limiter.retryAfter(for: "10.0.0.5", now: clock.now) == nil)
            limiter.record(for: "10.0.0.5", now: clock.now)
            clock.advance(seconds: 1)
        }
        #expect(limiter.retryAfter(for: "10.0.0.5", now: clock.now) == 57)
        #expect(limiter.retryAfter(for: "10.0.0.6", now: clock.now) == nil)
        #expect(limiter.retryAfter(for: "10.0.0.5", now: start.adding(seconds: 61)) == nil)
        #expect(limiter.retryAfter(for: "10.0.0.5", now: start.adding(seconds: 200)) == nil)
        #expect(limiter.trackedKeys == 0)
    }

    @Test func takeCountsAtOnceAndForgetGivesBack() {
        var limiter = AttemptLimiter(maxAttempts: 2, windowSeconds: 60)
        let clock = FakeClock()
        #expect(limiter.take(for: "k", now: clock.now) == nil)
        #expect(limiter.take(for: "k", now: clock.now) == nil)
        #expect(limiter.take(for: "k", now: clock.now) == 60)
        limiter.forget(for: "k", at: clock.now)
        #expect(limiter.take(for: "k", now: clock.now) == nil)
        #expect(limiter.take(for: "k", now: clock.now) != nil)
    }

    @Test func manyAddressesThatStoppedAreSweptOut() {
        var limiter = AttemptLimiter(maxAttempts: 10, windowSeconds: 60)
        var clock = FakeClock()
        for index in 0..<5000 { limiter.record(for: "10.1.\(index / 256).\(index % 256)", now: clock.now) }
        #expect(limiter.trackedKeys == 5000)
        clock.advance(seconds: 61)
        // None of those is looked at again; recording new ones sweeps them out.
        for index in 0..<4000 { limiter.record(for: "10.2.\(index / 256).\(index % 256)", now: clock.now) }
        #expect(limiter.trackedKeys == 4000)
    }
}

@Suite("Claim limits: guessing and sharing")
struct ClaimLimitsTests {
    static func settings() -> ClaimLimits.Settings {
        var settings = ClaimLimits.Settings()
        settings.failuresPerAddress = 10
        settings.failuresServiceWide = 200
        return settings
    }

    @Test func oneAddressIsStoppedAfterItsOwnWrongCodes() {
        var limits = ClaimLimits(Self.settings())
        var clock = FakeClock()
        for _ in 0..<10 {
            #expect(limits.admitCode(from: "10.0.0.5", guessable: true, now: clock.now) == nil)
            clock.advance(seconds: 1)
        }
        let wait = limits.admitCode(from: "10.0.0.5", guessable: true, now: clock.now)
        #expect(wait == 290)
        #expect(limits.admitCode(from: "10.0.0.6", guessable: true, now: clock.now) == nil)
    }

    @Test func rightCodesDoNotCount() {
        var limits = ClaimLimits(Self.settings())
        let clock = FakeClock()
        for _ in 0..<50 {
            #expect(limits.admitCode(from: "10.0.0.5", guessable: true, now: clock.now) == nil)
            limits.codeMatched(from: "10.0.0.5", guessable: true, admittedAt: clock.now)
        }
        #expect(limits.admitCode(from: "10.0.0.5", guessable: true, now: clock.now) == nil)
    }

    @Test func manyAddressesFailingTogetherSlowEveryGuess() {
        var limits = ClaimLimits(Self.settings())
        var clock = FakeClock()
        let start = clock.now
        // 200 addresses, one wrong short code each, spread over half an hour: each is well inside its own budget.
        for index in 0..<200 {
            #expect(limits.admitCode(from: "10.0.\(index / 250).\(index % 250)", guessable: true, now: clock.now) == nil)
            clock.advance(seconds: 9)
        }
        // Now a fresh address is slowed too, until the first of those wrong codes is an hour old.
        let wait = limits.admitCode(from: "10.9.9.9", guessable: true, now: clock.now)
        #expect(wait == Int64(3600 - 200 * 9))
        // A QR token cannot be guessed: scanning phones are not slowed by the service-wide budget.
        #expect(limits.admitCode(from: "10.9.9.9", guessable: false, now: clock.now) == nil)
        // Once the oldest wrong code leaves the hour, one more guess is allowed, and only one.
        clock = FakeClock(now: start.adding(seconds: 3601))
        #expect(limits.admitCode(from: "10.9.9.8", guessable: true, now: clock.now) == nil)
        #expect(limits.admitCode(from: "10.9.9.7", guessable: true, now: clock.now) != nil)
    }

    @Test func theServiceWideBudgetAllowsAFixedNumberOfGuessesAnHour() {
        var limits = ClaimLimits(Self.settings())
        var clock = FakeClock()
        var admitted = 0
        // A guesser with 1,000 addresses trying one code a second for three hours.
        for second in 0..<(3 * 3600) {
            if limits.admitCode(from: "10.\(second % 1000 / 250).\(second % 250).1", guessable: true, now: clock.now) == nil {
                admitted += 1
            }
            clock.advance(seconds: 1)
        }
        #expect(admitted <= 3 * 200)
        #expect(admitted >= 2 * 200)
    }

    @Test func aFamilyOfFiveSharesAPhoneAndTheSixthWaits() {
        var limits = ClaimLimits(Self.settings())
        let clock = FakeClock()
        for _ in 0..<5 {
            #expect(limits.admitClaim(from: "10.0.0.5", code: 7, now: clock.now) == nil)
        }
        let wait = limits.admitClaim(from: "10.0.0.5", code: 7, now: clock.now)
        #expect(wait == Int64(72 * 3600))
        // Another code, or another phone, has its own share.
        #expect(limits.admitClaim(from: "10.0.0.5", code: 8, now: clock.now) == nil)
        #expect(limits.admitClaim(from: "10.0.0.6", code: 7, now: clock.now) == nil)
        // A claim that did not become a new one (a repeat) gives its place back.
        limits.claimNotMade(from: "10.0.0.5", code: 7, admittedAt: clock.now)
        #expect(limits.admitClaim(from: "10.0.0.5", code: 7, now: clock.now) == nil)
    }
}
