import Testing
@testable import KioskCore

/// A deterministic generator, so code shapes can be checked without depending on chance.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }
}

@Suite("Claim codes")
struct CodeTests {
    @Test func tokensCarry128BitsURLSafe() {
        var generator = SystemRandomNumberGenerator()
        let tokens = (0..<1000).map { _ in RandomToken.claimToken(using: &generator) }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.count == 22)
            #expect(RandomToken.looksLikeClaimToken(token))
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }

    @Test("claim ids: 96 random bits after the time, URL-safe, sorting as text in the order they were made")
    func claimIDsSortByTime() {
        var generator = SystemRandomNumberGenerator()
        let start = Timestamp(milliseconds: 1_800_000_000_000)
        // Times chosen to roll each of the prefix's low digits over, and one clock far ahead.
        let times = [0, 1, 63, 64, 4095, 4096, 86_400_000, 3_000_000_000_000].map { start.adding(milliseconds: $0) }
        let ids = times.map { RandomToken.claimID(at: $0, using: &generator) }
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { $0.count == 24 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        let sameMoment = (0..<1000).map { _ in RandomToken.claimID(at: start, using: &generator) }
        #expect(Set(sameMoment).count == 1000)
        #expect(Set(sameMoment.map { $0.prefix(8) }).count == 1)
        #expect(RandomToken.claimID(at: Timestamp(milliseconds: -5), using: &generator).hasPrefix("--------"))
    }

    @Test func base64URLEncodingMatchesKnownVectors() {
        #expect(RandomToken.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(RandomToken.encode(Array("fo".utf8)) == "Zm8")
        #expect(RandomToken.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test(arguments: [ShortCode.sessionLength, ShortCode.slipLength])
    func shortCodesAvoidLookAlikes(length: Int) {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<2000 {
            let short = ShortCode.generate(length: length, using: &generator)
            #expect(short.count == length)
            #expect(!short.contains(where: { "0O1IL".contains($0) }))
        }
    }

    @Test func shortCodesNormaliseWhatPeopleType() {
        #expect(ShortCode.normalize("k7m-2qx") == "K7M2QX")
        #expect(ShortCode.normalize(" K7M 2QX ") == "K7M2QX")
        #expect(ShortCode.normalize("K7M-2Q") == nil)
        #expect(ShortCode.normalize("K7M-2QXX") == nil)
        #expect(ShortCode.normalize("K0M-2QX") == nil)
        #expect(ShortCode.display("K7M2QX") == "K7M-2QX")
    }

    @Test func slipCodesAreTenCharactersShownInGroups() {
        #expect(ShortCode.normalize("k7m-2qx-4p9b") == "K7M2QX4P9B")
        #expect(ShortCode.normalize("K7M 2QX 4P9") == nil)
        #expect(ShortCode.normalize("K7M-2QX-4P9BC") == nil)
        #expect(ShortCode.display("K7M2QX4P9B") == "K7M-2QX-4P9B")
        var generator = SeededGenerator(state: 9)
        let session = Session(id: 1, title: "Day 1", badgeIDs: ["b"], expected: 3, createdAt: Timestamp(milliseconds: 0))
        let slip = CodePolicy().makeCode(for: session, shortLength: ShortCode.slipLength, at: Timestamp(milliseconds: 0),
                                         using: &generator)
        #expect(slip.short.count == 10)
        #expect(slip.displayShort.count == 12)
        #expect(ShortCode.normalize(slip.displayShort) == slip.short)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equal("abc", "abc"))
        #expect(!ConstantTime.equal("abc", "abd"))
        #expect(!ConstantTime.equal("abc", "abcd"))
        #expect(!ConstantTime.equal("", "a"))
        #expect(ConstantTime.equal("", ""))
    }

    @Test func constantTimeEqualityComparesWholeLengths() {
        // 256 NUL bytes differ from nothing only in length, which must not be taken modulo 256.
        let zeros = String(repeating: "\u{0}", count: 256)
        #expect(!ConstantTime.equal("", zeros))
        #expect(!ConstantTime.equal("a", "a" + zeros))
        #expect(!ConstantTime.equal(String(repeating: "\u{0}", count: 512), ""))
    }

    @Test(arguments: [(1, 2), (5, 6), (10, 12), (12, 15), (100, 120), (1000, 1200)])
    func claimLimitIsExpectedPlusTwentyPercent(expected: Int, limit: Int) {
        #expect(CodePolicy().maxClaims(expected: expected) == limit)
    }

    @Test func codesExpireAfterTheirLifetime() {
        var generator = SeededGenerator(state: 7)
        let session = Session(id: 3, title: "Day 1", badgeIDs: ["b"], expected: 10, createdAt: Timestamp(milliseconds: 0))
        let now = Timestamp(milliseconds: 1_000_000)
        let code = CodePolicy().makeCode(for: session, at: now, using: &generator)
        #expect(code.sessionID == 3)
        #expect(code.expiresAt == now.adding(seconds: 72 * 3600))
        #expect(code.maxClaims == 12)
    }
}

@Suite("Claim rules")
struct ClaimRulesTests {
    let code = ClaimCode(id: 1, sessionID: 1, token: "t", short: "K7M2QX", createdAt: Timestamp(milliseconds: 0),
                         expiresAt: Timestamp(milliseconds: 10_000), maxClaims: 2, claimed: 1)

    @Test func acceptsWhileOpen() {
        #expect(ClaimRules.decide(code: code, existingClaimID: nil, now: Timestamp(milliseconds: 5)) == .accept)
    }

    @Test func refusesWhenFullOrExpired() {
        var full = code
        full.claimed = 2
        #expect(ClaimRules.decide(code: full, existingClaimID: nil, now: Timestamp(milliseconds: 5)) == .usedUp)
        #expect(ClaimRules.decide(code: code, existingClaimID: nil, now: Timestamp(milliseconds: 10_000)) == .expired)
    }

    @Test func repeatsWinEvenWhenFullOrExpired() {
        var full = code
        full.claimed = 2
        #expect(ClaimRules.decide(code: full, existingClaimID: "c1", now: Timestamp(milliseconds: 20_000))
            == .repeatOf(claimID: "c1"))
    }

    @Test func aSenderWithNoShareLeftGetsOnlyRepeats() {
        let now = Timestamp(milliseconds: 5)
        #expect(ClaimRules.decide(code: code, existingClaimID: nil, now: now, mayCreate: false) == .tooManyFromAddress)
        #expect(ClaimRules.decide(code: code, existingClaimID: "c1", now: now, mayCreate: false) == .repeatOf(claimID: "c1"))
        var full = code
        full.claimed = 2
        #expect(ClaimRules.decide(code: full, existingClaimID: nil, now: now, mayCreate: false) == .usedUp)
    }
}

@Suite("Session drafts")
struct SessionDraftTests {
    @Test func acceptsAGoodDraft() throws {
        let draft = try SessionDraft(title: " Intro to Work — Day 2 ", badgeIDs: ["day-2"], expected: 12)
        #expect(draft.title == "Intro to Work — Day 2")
        #expect(draft.badgeIDs == ["day-2"])
    }

    @Test func refusesBadDrafts() {
        #expect(throws: FieldError.self) { try SessionDraft(title: "", badgeIDs: ["a"], expected: 1) }
        #expect(throws: FieldError.self) { try SessionDraft(title: "T", badgeIDs: [], expected: 1) }
        #expect(throws: FieldError.self) { try SessionDraft(title: "T", badgeIDs: ["a", "a"], expected: 1) }
        #expect(throws: FieldError.self) { try SessionDraft(title: "T", badgeIDs: ["a"], expected: 0) }
        #expect(throws: FieldError.self) { try SessionDraft(title: "T", badgeIDs: ["a"], expected: nil) }
        #expect(throws: FieldError.self) { try SessionDraft(title: "T", badgeIDs: Array(repeating: "x", count: 11).enumerated().map { "\($0.offset)" }, expected: 3) }
    }
}

@Suite("Award states")
struct AwardStateTests {
    @Test func aClaimStandsWhereItsLeastAdvancedAwardIs() {
        #expect(Award.State.overall([.sent, .sent]) == .sent)
        #expect(Award.State.overall([.sent, .queued]) == .queued)
        #expect(Award.State.overall([.sent, .sending]) == .sending)
        #expect(Award.State.overall([.queued, .sending]) == .queued)
        #expect(Award.State.overall([.sent, .failed, .queued]) == .failed)
    }

    @Test func anUnsureAwardNeverCountsAsSent() {
        #expect(Award.State.overall([.sent, .unsure]) == .unsure)
        #expect(Award.State.overall([.unsure, .queued, .sending]) == .unsure)
        #expect(Award.State.overall([.unsure, .failed]) == .failed)
        #expect(Award.State.overall([.unsure]) != .sent)
    }
}
