import Foundation
import Testing
@testable import Issuers
import IssuerSimulator
import KioskCore
import KioskStore

@Suite("The Navigatr adapter", .serialized)
struct NavigatrAdapterTests {
    static let award = OutboxItem(id: 1, claimID: "claim-1", badgeID: "3425", name: "Amira Zoë", email: "amira@example.org",
                                  claimedAt: Timestamp(milliseconds: 1_764_000_000_000), attempts: 1, verify: false)

    @Test func theIssueBodyHasExactlyTheDocumentedFields() throws {
        let body = NavigatrAdapter.body(Self.award)
        #expect(body.keys.sorted() == ["recipient_email", "recipient_firstname", "recipient_lastname"])
        // The name is sent whole as the first name; the last name is never empty and never made up.
        #expect(body["recipient_firstname"] as? String == "Amira Zoë")
        #expect(body["recipient_lastname"] as? String == "-")
        #expect(body["recipient_email"] as? String == "amira@example.org")
        let request = IssuerRequest.json("PUT", "/v1/badge/3425/issue", body, token: "pat")
        #expect(request.headers.contains { $0 == ("Authorization", "Bearer pat") })
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self)
            == #"{"recipient_email":"amira@example.org","recipient_firstname":"Amira Zoë","recipient_lastname":"-"}"#)
    }

    @Test func issuesAndKeepsNavigatrsIdAndNeverLooksUp() throws {
        let drill = try Drill(kind: .navigatr)
        let adapter = makeIssuerAdapter(drill.settings)
        #expect(adapter.kind == .navigatr && !adapter.canLookUp)
        #expect(adapter.lookup(Self.award) == .cannotAsk)
        let result = adapter.issue(Self.award)
        let held = try #require(drill.simulator.awards.first)
        #expect(result == .sent(reference: held.id))
        #expect(held.api == "navigatr" && held.name == "Amira Zoë" && held.email == "amira@example.org")
        #expect(drill.simulator.requests.map(\.method) == ["PUT"])
    }

    @Test func sortsNavigatrsAnswers() throws {
        let drill = try Drill(kind: .navigatr)
        let adapter = makeIssuerAdapter(drill.settings)
        // First, on a fresh connection: HTTPKit's client sends once more when a reused one is reset.
        drill.simulator.failNext(.reset)
        guard case let .retry(dropped) = adapter.issue(Self.award) else { Issue.record("reset not retried"); return }
        #expect(dropped.ambiguous)
        drill.simulator.failNext(.status(500))
        guard case let .retry(serverError) = adapter.issue(Self.award) else { Issue.record("500 not retried"); return }
        #expect(serverError.ambiguous)
        drill.simulator.failNext(.tooManyRequests)
        guard case let .retry(slowDown) = adapter.issue(Self.award) else { Issue.record("429 not retried"); return }
        #expect(!slowDown.ambiguous && slowDown.issuerWide)
        var unknown = Self.award
        unknown.badgeID = "999"
        guard case let .rejected(missing) = adapter.issue(unknown) else { Issue.record("404 not refused"); return }
        #expect(missing.hasPrefix("Navigatr has no badge 999"))
        unknown.badgeID = "intro-to-work-day-1"
        #expect(adapter.issue(unknown) == .rejected(reason: "HTTP 422: badge_id: value is not a valid integer"))
    }

    @Test func aRefusedTokenSaysWhatToCheck() throws {
        let drill = try Drill(kind: .navigatr)
        drill.issuerSecret = "revoked"
        let adapter = makeIssuerAdapter(drill.settings)
        guard case let .retry(advice) = adapter.issue(Self.award) else { Issue.record("401 not retried"); return }
        #expect(advice.reason.hasPrefix("Navigatr refused the access token: check the secret file"))
        #expect(!advice.ambiguous && advice.issuerWide)
        #expect(throws: IssuerError.self) { try adapter.catalogue() }
        do {
            _ = try adapter.catalogue()
        } catch {
            #expect(error.description.hasPrefix("Navigatr refused the access token"))
        }
        #expect(drill.simulator.awards.isEmpty)
    }

    @Test func theCatalogueComesPageByPageForTheProvider() throws {
        let many = (1...150).map { SimulatedBadge(id: "b\($0)", name: "Badge \($0)", description: "", criteria: "", navigatrID: 5000 + $0) }
        let drill = try Drill(kind: .navigatr) { $0.catalogue = many + [SimulatedBadge(id: "off", name: "Not on Navigatr",
                                                                                        description: "", criteria: "")] }
        let badges = try makeIssuerAdapter(drill.settings).catalogue()
        #expect(badges.map(\.id) == many.map { String($0.navigatrID) })
        #expect(badges.last?.name == "Badge 150")
        #expect(drill.simulator.requests.filter { $0.path == "/v1/badge/" }.count == 2)
    }

    @Test func withoutAProviderBadgesAreAddedByIdAndSyncSaysSo() throws {
        let drill = try Drill(kind: .navigatr)
        var settings = drill.settings
        settings.clientID = ""
        let adapter = makeIssuerAdapter(settings)
        #expect {
            try adapter.catalogue()
        } throws: { error in
            let text = (error as? IssuerError)?.description ?? ""
            return text.contains("issuer_client_id") && text.contains("badgekiosk badges add --id")
        }
        #expect(drill.simulator.requests.isEmpty)
    }
}
