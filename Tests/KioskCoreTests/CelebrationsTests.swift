import Testing
@testable import KioskCore

@Suite("Celebrations: who said yes to \"Well done\" on the first screen")
struct CelebrationsTests {
    let claimed = Timestamp(milliseconds: 1_800_000_000_000)

    func minutes(_ count: Int64) -> Timestamp { claimed.adding(seconds: count * 60) }

    @Test func aYesWithinFifteenMinutesShowsTheLineForTen() {
        var celebrations = Celebrations()
        let offered = celebrations.offer(key: "k1", name: "Amira", sessionID: 4, at: claimed)
        #expect(offered)
        #expect(celebrations.lines(at: minutes(1)).isEmpty, "nothing shows before the learner says yes")
        let line = celebrations.accept(key: "k1", at: minutes(14))
        #expect(line?.name == "Amira")
        #expect(line?.sessionID == 4)
        #expect(line?.at == minutes(14))
        #expect(line?.until == minutes(24))
        #expect(celebrations.lines(at: minutes(23)).map(\.key) == ["k1"])
        #expect(celebrations.lines(at: minutes(24)).isEmpty)
    }

    @Test func aYesAfterFifteenMinutesOrWithAnUnknownKeyShowsNothing() {
        var celebrations = Celebrations()
        celebrations.offer(key: "k1", name: "Amira", sessionID: 4, at: claimed)
        let wrongKey = celebrations.accept(key: "k2", at: minutes(1))
        #expect(wrongKey == nil)
        let tooLate = celebrations.accept(key: "k1", at: minutes(15))
        #expect(tooLate == nil)
        #expect(celebrations.lines(at: minutes(15)).isEmpty)
    }

    @Test func anOfferStoredOutOfClaimOrderStillEndsAfterFifteenMinutes() {
        var celebrations = Celebrations()
        celebrations.offer(key: "k1", name: "Amira", sessionID: 4, at: minutes(1))
        celebrations.offer(key: "k2", name: "Bogdan", sessionID: 4, at: claimed)
        let tooLate = celebrations.accept(key: "k2", at: minutes(15))
        #expect(tooLate == nil)
        let inTime = celebrations.accept(key: "k1", at: minutes(15))
        #expect(inTime?.name == "Amira")
    }

    @Test func aSecondYesFindsTheSameLineWithoutMakingItLonger() {
        var celebrations = Celebrations()
        celebrations.offer(key: "k1", name: "Amira", sessionID: 4, at: claimed)
        let first = celebrations.accept(key: "k1", at: minutes(2))
        let again = celebrations.accept(key: "k1", at: minutes(5))
        #expect(again == first)
        #expect(celebrations.lines(at: minutes(5)).count == 1)
        let spent = celebrations.accept(key: "k1", at: minutes(12))
        #expect(spent == nil, "once the line has gone, the key is spent")
    }

    @Test func atMostThreeShowNewestFirst() {
        var celebrations = Celebrations()
        for (index, name) in ["Amira", "Bogdan", "Chloe", "Dara"].enumerated() {
            celebrations.offer(key: name, name: name, sessionID: 1, at: claimed)
            #expect(celebrations.accept(key: name, at: minutes(Int64(index))) != nil)
        }
        #expect(celebrations.lines(at: minutes(4)).map(\.name) == ["Dara", "Chloe", "Bogdan"])
        let pushedOff = celebrations.accept(key: "Amira", at: minutes(4))
        #expect(pushedOff == nil, "pushed off the screen")
    }

    @Test func offersAreBoundedOldestFirst() {
        var celebrations = Celebrations()
        for index in 0...Celebrations.maxOffers {
            celebrations.offer(key: "k\(index)", name: "Amira", sessionID: 1, at: claimed)
        }
        let oldest = celebrations.accept(key: "k0", at: claimed)
        #expect(oldest == nil)
        let second = celebrations.accept(key: "k1", at: claimed)
        #expect(second != nil)
        let newest = celebrations.accept(key: "k\(Celebrations.maxOffers)", at: claimed)
        #expect(newest != nil)
    }

    @Test("many more offers than the bound keep exactly the newest, however often the kept ones are moved up")
    func theBoundHoldsExactlyOverManyOffers() {
        var celebrations = Celebrations()
        let total = 3 * Celebrations.maxOffers
        for index in 0..<total {
            celebrations.offer(key: "k\(index)", name: "Amira", sessionID: 1, at: claimed)
        }
        #expect(celebrations.accept(key: "k\(total - Celebrations.maxOffers - 1)", at: claimed) == nil)
        #expect(celebrations.accept(key: "k\(total - Celebrations.maxOffers)", at: claimed) != nil)
        #expect(celebrations.accept(key: "k\(total - 1)", at: claimed) != nil)
    }

    @Test(arguments: [
        ("Amira", "Amira"), ("  Amira Khan ", "Amira"), ("Zoë\u{0007}", "Zoë"), ("\u{202E}Ali", "Ali"),
        ("Aleksandra\u{00A0}Maria", "Aleksandra"), ("Bartholomew-Christopherson", "Bartholomew-Christop"),
        ("Оксана", "Оксана"),
    ])
    func namesAreCleanedToAShortFirstName(typed: String, shown: String) {
        #expect(Celebrations.displayName(typed) == shown)
    }

    @Test(arguments: ["amira@example.com", "   ", "1234", "\u{200B}", "a@b Amira"])
    func namesWithNothingToShowOrAnEmailAreNeverOffered(typed: String) {
        var celebrations = Celebrations()
        #expect(Celebrations.displayName(typed) == nil)
        let offered = celebrations.offer(key: "k", name: typed, sessionID: 1, at: claimed)
        #expect(!offered)
        let yes = celebrations.accept(key: "k", at: claimed)
        #expect(yes == nil)
    }
}
