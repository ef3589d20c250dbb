import HTTPCore
import HTTPKit
import KioskAPI
import Testing
@testable import KioskFront

/// A loopback server that answers every request with one fixed JSON body, as a service of another
/// version (or a fault) might.
private struct FixedService: HTTPResponder {
    let status: HTTPStatus
    let body: String

    init(_ status: HTTPStatus, _ body: String) {
        self.status = status
        self.body = body
    }

    func respond(to request: HTTPRequest, writer: any HTTPResponseWriter) {
        writer.send(HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]),
                                 body: Array(body.utf8)))
    }

    /// Starts serving and answers a client for it.
    func client() throws -> (ServiceClient, HTTPServer) {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: self) { _ in }
        let port = try server.start()
        let address = try #require(ServiceAddress("http://127.0.0.1:\(port)"))
        return (ServiceClient(address: address, token: "staff"), server)
    }
}

@Suite("Front: reading the service's replies")
struct ServiceClientTests {
    let start = FrontEffect.startSession(title: "Tuesday group", badges: ["day-1"], expected: 12)

    @Test func aCreatedSessionIsReadAsItsId() throws {
        let body = #"{"session":{"badges":["day-1"],"claimed":0,"waitingForEmail":0,"createdAt":"2026-11-29T09:00:00Z","expected":12,"id":7,"title":"Tuesday group"}}"#
        let (client, server) = try FixedService(.created, body).client()
        defer { server.shutdown(grace: 0) }
        #expect(client.perform(start, slips: SlipOptions(directory: "/nonexistent")) == .sessionStarted(.success(7)))
    }

    @Test func aCreatedSessionWithoutIdIsAProblemNotSessionZero() throws {
        let body = #"{"session":{"badges":["day-1"],"claimed":0,"waitingForEmail":0,"createdAt":"2026-11-29T09:00:00Z","expected":12,"title":"Tuesday group"}}"#
        let (client, server) = try FixedService(.created, body).client()
        defer { server.shutdown(grace: 0) }
        let reply = try #require(client.perform(start, slips: SlipOptions(directory: "/nonexistent")))
        guard case .sessionStarted(.failure(let failure)) = reply else {
            Issue.record("a reply without the session's id was taken as \(reply)")
            return
        }
        #expect(failure.code == ServiceFailure.malformedReply)
        #expect(failure.status == 201)
        // The volunteer sees the problem in words, naming what was missing.
        let message = Message(failure)
        #expect(message.key == "front.error.other")
        #expect(message.literal?.contains("`session.id` is missing") == true)
    }

    @Test func aClaimReplyThatIsNotJSONIsAProblem() throws {
        let (client, server) = try FixedService(.created, "<html>proxy</html>").client()
        defer { server.shutdown(grace: 0) }
        let reply = client.perform(.submitClaim(code: "K7M2QX", name: "Amira", email: "amira@example.org"), slips: SlipOptions(directory: "/nonexistent"))
        guard case .claimed(.failure(let failure))? = reply else {
            Issue.record("a reply that is not JSON was taken as \(String(describing: reply))")
            return
        }
        #expect(failure.code == ServiceFailure.malformedReply)
    }

    @Test func refusalsStillCarryTheAPIsCodeAndWords() throws {
        let (client, server) = try FixedService(.notFound, #"{"error":{"code":"unknown_code","message":"That code did not work."}}"#).client()
        defer { server.shutdown(grace: 0) }
        let reply = client.perform(.submitClaim(code: "K7M2QX", name: "Amira", email: "amira@example.org"), slips: SlipOptions(directory: "/nonexistent"))
        #expect(reply == .claimed(.failure(ServiceFailure(status: 404, code: "unknown_code", message: "That code did not work."))))
    }

    @Test func aSessionListTheFrontCannotReadIsToldToTheVolunteer() throws {
        let failure = ServiceFailure.malformed(status: 200, "GET /api/v1/sessions",
                                               DecodingError.keyNotFound(AnyKey("id"), .init(codingPath: [], debugDescription: "")))
        let model = Fixtures.apply(Fixtures.unlocked(), [.reply(.sessions(.failure(failure)))]).0
        #expect(Fixtures.volunteer(model)?.message == Message(failure))
        let outage = Fixtures.apply(Fixtures.unlocked(), [.reply(.sessions(.failure(.unreachable)))]).0
        #expect(Fixtures.volunteer(outage)?.message == nil)
    }
}

/// A field name for a made-up decoding error.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
