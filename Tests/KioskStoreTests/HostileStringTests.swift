import KioskCore
@testable import KioskStore
import Testing

@Suite("Hostile text")
struct HostileStringTests {
    static let samples = [
        "<script>alert(1)</script>",
        "'; DROP TABLE claims;--",
        "Robert\"); DELETE FROM badges; --",
        "🎉👩🏽‍🎓 well done",
        "مرحبا بالعالم",
        "שלום",
        String(repeating: "ü", count: 10_000),
        "before\u{0}after",
        "",
        "%s %n ? ?1 :name @x $y",
    ]

    @Test("badge and session text comes back byte for byte, and nothing runs", arguments: samples)
    func catalogueAndSessions(text: String) throws {
        let fixture = try Fixture()
        let id = "hostile-\(text.unicodeScalars.count)-\(text.hashValue)"
        try fixture.store.upsertBadge(Badge(id: id, name: text, description: text))
        #expect(try fixture.store.badge(id: id) == Badge(id: id, name: text, description: text))
        let session = try fixture.store.createSession(title: text, badgeIDs: [id], expected: 1, at: Fixture.during)
        #expect(try fixture.store.session(id: session.id)?.session.title == text)
        #expect(try fixture.count("claims") == 0)
        #expect(try fixture.store.badges().count == Fixture.badges.count + 1)
    }

    @Test("learner names and emails a claimant may type come back intact")
    func claimantText() throws {
        let fixture = try Fixture(expected: 20)
        let names = ["<script>x</script>", "'; DROP TABLE claims;--", "🎉 Amira", "مريم", "Zoë O'Brien"]
        for (index, name) in names.enumerated() {
            let claimant = try Claimant(name: name, email: "o'brien.\(index)+'--@example.org", consent: true)
            let submission = ClaimSubmission(codeID: fixture.code.id, claimant: claimant, newClaimID: "h\(index)",
                                             at: Fixture.during)
            guard case .created = try fixture.store.submitClaim(submission) else { Issue.record("refused \(name)"); return }
        }
        let claims = try fixture.store.claims(sessionID: fixture.session.id)
        #expect(claims.map(\.name) == names)
        #expect(claims.map(\.email) == names.indices.map { "o'brien.\($0)+'--@example.org" })
        #expect(try fixture.count("claims") == names.count)
    }
}
