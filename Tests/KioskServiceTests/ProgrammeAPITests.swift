import Foundation
import KioskCore
import KioskStore
import Testing

@Suite("API: programmes, and their completion badge claimed automatically")
struct ProgrammeAPITests {
    static let days = (1...4).map { "intro-to-work-day-\($0)" }
    static let complete = "intro-to-work-complete"

    /// A kiosk with the four days and the completion badge in its catalogue.
    static func kiosk() throws -> TestKiosk {
        try TestKiosk(prepare: { store in
            try store.upsertBadges((days + [complete]).map { Badge(id: $0, name: $0) })
        })
    }

    static func introBody(badges: [String] = days, completion: String = complete) -> String {
        let list = badges.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"name":"Intro to Work","badges":[\#(list)],"completion":"\#(completion)"}"#
    }

    @Test func createAndList() throws {
        let kiosk = try Self.kiosk()
        let empty = try kiosk.request("GET", "/api/v1/programmes", staff: true)
        #expect(empty.status == 200)
        #expect(empty.text == #"{"programmes":[]}"#)

        let created = try kiosk.request("POST", "/api/v1/programmes", json: Self.introBody(), staff: true)
        #expect(created.status == 201)
        let programme = try #require(created.object("programme"))
        #expect(programme["name"] as? String == "Intro to Work")
        #expect(programme["badges"] as? [String] == Self.days)
        #expect(programme["completion"] as? String == Self.complete)
        let id = try #require(programme["id"] as? Int)

        let listed = try kiosk.request("GET", "/api/v1/programmes", staff: true)
        let list = try #require(listed.json["programmes"] as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["id"] as? Int == id)
        #expect(list.first?["badges"] as? [String] == Self.days)
        #expect(list.first?["completion"] as? String == Self.complete)
    }

    @Test func onlyStaff() throws {
        let kiosk = try Self.kiosk()
        #expect(try kiosk.request("GET", "/api/v1/programmes").status == 401)
        #expect(try kiosk.request("POST", "/api/v1/programmes", json: Self.introBody()).status == 401)
        #expect(try kiosk.request("DELETE", "/api/v1/programmes", staff: true).status == 405)
    }

    @Test func refusals() throws {
        let kiosk = try Self.kiosk()
        let few = try kiosk.request("POST", "/api/v1/programmes", json: Self.introBody(badges: ["intro-to-work-day-1"]), staff: true)
        #expect(few.status == 400)
        #expect(few.errorCode == "badges_too_few")
        #expect(few.errorMessage == "A programme needs at least 2 badges. For one badge, use a session.")

        let circular = try kiosk.request("POST", "/api/v1/programmes",
                                         json: Self.introBody(completion: "intro-to-work-day-4"), staff: true)
        #expect(circular.status == 400)
        #expect(circular.errorCode == "completion_required")

        let unknown = try kiosk.request("POST", "/api/v1/programmes",
                                        json: Self.introBody(badges: ["intro-to-work-day-1", "intro-to-work-day-9"]), staff: true)
        #expect(unknown.status == 400)
        #expect(unknown.errorCode == "unknown_badge")
        #expect(unknown.errorMessage?.contains("intro-to-work-day-9") == true)

        let unknownCompletion = try kiosk.request("POST", "/api/v1/programmes",
                                                  json: Self.introBody(completion: "nope"), staff: true)
        #expect(unknownCompletion.errorCode == "unknown_badge")

        let noName = try kiosk.request("POST", "/api/v1/programmes",
                                       json: #"{"badges":["intro-to-work-day-1","intro-to-work-day-2"],"completion":"intro-to-work-complete"}"#,
                                       staff: true)
        #expect(noName.errorCode == "name_missing")
        #expect(try kiosk.request("GET", "/api/v1/programmes", staff: true).text == #"{"programmes":[]}"#)
    }

    @Test func theFourthDayClaimsTheCompletionBadge() throws {
        let kiosk = try Self.kiosk()
        #expect(try kiosk.request("POST", "/api/v1/programmes", json: Self.introBody(), staff: true).status == 201)
        let sessions = try Self.days.map { try kiosk.endedSession(badges: [$0]) }

        for (day, session) in sessions.prefix(3).enumerated() {
            // One day typed in capitals: one learner is one lower-cased address.
            let email = day == 1 ? "Amira.K@Example.COM" : "amira.k@example.com"
            let reply = try kiosk.claim(code: session.token, email: email)
            #expect(reply.status == 201)
            #expect(reply.object("claim")?["badges"] as? [String] == [Self.days[day]])
            #expect(try kiosk.claim(code: session.token, name: "Olena", email: "olena@example.com").status == 201)
        }
        let fourth = try kiosk.claim(code: sessions[3].token, email: "amira.k@example.com")
        #expect(fourth.status == 201)
        let claim = try #require(fourth.object("claim"))
        #expect(claim["badges"] as? [String] == ["intro-to-work-day-4", Self.complete])
        #expect(claim["state"] as? String == "queued")
        #expect(try Self.awards(kiosk, email: "amira.k@example.com") == Self.days + [Self.complete])
        #expect(try Self.awards(kiosk, email: "olena@example.com") == Array(Self.days.prefix(3)))

        // Pressing "send" again answers the same claim and queues nothing more; it names only the
        // session's badge, since the completion would tell whoever typed the email about other sessions.
        let again = try kiosk.claim(code: sessions[3].token, email: "AMIRA.K@example.com")
        #expect(again.status == 200)
        #expect(again.object("claim")?["id"] as? String == claim["id"] as? String)
        #expect(again.object("claim")?["badges"] as? [String] == ["intro-to-work-day-4"])
        #expect(try Self.awards(kiosk, email: "amira.k@example.com") == Self.days + [Self.complete])
        let outbox = try kiosk.request("GET", "/api/v1/outbox", staff: true)
        #expect(outbox.object("counts")?["queued"] as? Int == 8)
    }

    /// The badge ids of the outbox awards for `email`, in the order they were queued.
    static func awards(_ kiosk: TestKiosk, email: String) throws -> [String] {
        try kiosk.store.writeAndWait { connection in
            let statement = try connection.prepare("""
                SELECT a.badge_id FROM awards a JOIN claims c ON c.id = a.claim_id
                WHERE c.email = ? AND a.state = 'queued' ORDER BY a.id
                """)
            try statement.bind(email, at: 1)
            var ids: [String] = []
            while try statement.step() { ids.append(statement.text(at: 0) ?? "") }
            return ids
        }
    }
}
