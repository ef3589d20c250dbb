@testable import badgekiosk
import Testing

@Suite("Soak audit")
struct SoakAuditTests {
    private let claims = ["c1": "a@x.org", "c2": "b@x.org"]
    private var awards: [SoakAudit.StoredAward] {
        [.init(badge: "b1", email: "a@x.org", state: "sent"), .init(badge: "b2", email: "a@x.org", state: "sent"),
         .init(badge: "b1", email: "b@x.org", state: "sent"), .init(badge: "b2", email: "b@x.org", state: "sent")]
    }
    private let issuer = [("b1", "a@x.org"), ("b2", "a@x.org"), ("b1", "b@x.org"), ("b2", "b@x.org")]

    @Test func allKeptAndSentOnceHolds() {
        let audit = SoakAudit(acknowledged: claims, storedClaims: claims.merging(["c3": "c@x.org"]) { $1 },
                              storedAwards: awards, issuer: issuer)
        #expect(audit.acknowledged == 2 && audit.awards == 4 && audit.issuerAwards == 4)
        #expect(audit.claimsKept && audit.allSent && audit.exactlyOnce)
    }

    @Test func anAcknowledgedClaimMissingOrWithAnotherEmailCounts() {
        let audit = SoakAudit(acknowledged: claims.merging(["c9": "z@x.org"]) { $1 },
                              storedClaims: ["c1": "A@X.org", "c2": "other@x.org"], storedAwards: awards, issuer: issuer)
        #expect(audit.missingClaims == 2)
        #expect(!audit.claimsKept)
    }

    @Test func anAwardNotSentCounts() {
        var stored = awards
        stored[1].state = "sending"
        stored[2].state = "failed"
        let audit = SoakAudit(acknowledged: claims, storedClaims: claims, storedAwards: stored, issuer: issuer)
        #expect(audit.unsent == 2)
        #expect(!audit.allSent && audit.exactlyOnce)
    }

    @Test func aSecondCopyAtTheIssuerIsADuplicateWhateverTheCase() {
        let audit = SoakAudit(acknowledged: claims, storedClaims: claims, storedAwards: awards,
                              issuer: issuer + [("b1", "A@x.org"), ("b1", "a@x.org")])
        #expect(audit.duplicates == 2)
        #expect(audit.notAtIssuer == 0 && audit.unknownAtIssuer == 0)
        #expect(!audit.exactlyOnce)
    }

    @Test func awardsMissingAtOrUnknownToTheIssuerCount() {
        let audit = SoakAudit(acknowledged: claims, storedClaims: claims, storedAwards: awards,
                              issuer: Array(issuer.dropFirst()) + [("b3", "a@x.org")])
        #expect(audit.notAtIssuer == 1 && audit.unknownAtIssuer == 1 && audit.duplicates == 0)
        #expect(!audit.exactlyOnce)
    }
}
