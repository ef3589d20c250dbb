import Foundation
import Testing
@testable import Issuers
import TestSupport

/// The https transport keeps the same promise as HTTPKit's client, shown over a real TLS connection:
/// a request whose answer is lost is reported as lost, never sent again by libcurl.
@Suite("https to the issuer: a request is written once", .serialized)
struct CurlTransferTests {
    @Test func aPostWhoseAnswerIsLostIsReportedLostAndSentOnce() throws {
        let server = try ScriptedServer(script: [.answer, .closeUnanswered])
        let tls = try TLSFront(backendPort: server.port)
        let http = IssuerHTTP(caFile: tls.caFile)
        guard case let .success(reply) = http.exchange(.get("/v1/event/demo", token: "t"), baseURL: tls.url, timeout: 5) else {
            Issue.record("the look-up got no answer")
            return
        }
        #expect(reply.status == 200)
        let issue = IssuerRequest.json("POST", "/v1/badge/demo/b1", ["recipient": ["A <a@example.org>"]], token: "t")
        guard case let .failure(failure) = http.exchange(issue, baseURL: tls.url, timeout: 5), case .lost = failure else {
            Issue.record("a request that may have been carried out was not reported as lost")
            return
        }
        // One POST reached the issuer, on a connection of its own; nothing carried it a second time.
        #expect(server.requests == [.init(connection: 1, method: "GET"), .init(connection: 2, method: "POST")])
    }

    @Test func noConnectionOrAnUntrustedCertificateMeansNotSent() throws {
        let tls = try TLSFront(backendPort: 9)
        let http = IssuerHTTP(caFile: tls.caFile)
        // Port 1 on loopback: nothing listens there.
        guard case let .failure(failure) = http.exchange(.get("/", token: "t"), baseURL: "https://127.0.0.1:1", timeout: 2),
              case .notSent = failure else {
            Issue.record("a refused connection was not reported as not sent")
            return
        }
        // An untrusted certificate also fails before anything is sent.
        let untrusting = IssuerHTTP()
        guard case let .failure(refused) = untrusting.exchange(.get("/", token: "t"), baseURL: tls.url, timeout: 2),
              case .notSent = refused else {
            Issue.record("a certificate the kiosk does not trust was not reported as not sent")
            return
        }
    }
}
