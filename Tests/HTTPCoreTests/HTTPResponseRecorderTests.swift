import Dispatch
import HTTPCore
import Testing
import TestSupport

/// A responder built from a closure.
private struct ClosureResponder: HTTPResponder {
    let body: @Sendable (HTTPRequest, any HTTPResponseWriter) -> Void

    func respond(to request: HTTPRequest, writer: any HTTPResponseWriter) {
        body(request, writer)
    }
}

@Suite("Responder rig: answers recorded in memory")
struct HTTPResponseRecorderTests {
    @Test func aRequestIsBuiltAsTheServerWouldHandIt() throws {
        let rig = ResponderRig(ClosureResponder { request, writer in
            let text = [request.method, request.path, request.query ?? "-", request.remoteAddress,
                        request.headers["Authorization"] ?? "-", request.mediaType ?? "-",
                        String(decoding: request.body, as: UTF8.self)].joined(separator: "|")
            writer.send(HTTPResponse(status: .ok, body: Array(text.utf8)))
        }, staffToken: "t0ken")
        let staff = try rig.request(.post, "/api/v1/claims?x=1", json: #"{"a":1}"#, staff: true)
        #expect(staff.status == .ok)
        #expect(String(decoding: staff.body, as: UTF8.self) == #"POST|/api/v1/claims|x=1|127.0.0.1|Bearer t0ken|application/json|{"a":1}"#)
        let phone = try rig.request("GET", "/c/abc", from: "127.0.0.2")
        #expect(String(decoding: phone.body, as: UTF8.self) == "GET|/c/abc|-|127.0.0.2|-|-|")
    }

    @Test func aStreamedBodyIsRecordedChunkByChunk() throws {
        let rig = ResponderRig(ClosureResponder { _, writer in
            let stream = writer.startStream(HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain")])))
            #expect(stream.write(Array("one ".utf8)))
            #expect(stream.write([]))
            #expect(stream.write(Array("two".utf8)))
            stream.finish()
            #expect(!stream.isOpen)
            #expect(!stream.write(Array("late".utf8)))
        })
        let recorder = rig.start(rig.makeRequest(.get, "/events"))
        guard case .streamed(let head) = try recorder.wait() else {
            Issue.record("no stream was started")
            return
        }
        #expect(head.headers["Content-Type"] == "text/plain")
        #expect(try recorder.chunks(atLeast: 2) == [Array("one ".utf8), Array("two".utf8)])
        #expect(try recorder.streamedBody() == Array("one two".utf8))
        #expect(recorder.isFinished)
        #expect(throws: HTTPResponseRecorder.Unanswered.self) { try recorder.response(timeout: 0.01) }
    }

    @Test func theClientLeavingClosesTheStreamAndRunsItsHandlers() throws {
        let closed = DispatchSemaphore(value: 0)
        let rig = ResponderRig(ClosureResponder { _, writer in
            writer.startStream(HTTPResponse(status: .ok)).onClose { closed.signal() }
        })
        let recorder = rig.start(rig.makeRequest(.get, "/events"))
        #expect(closed.wait(timeout: .now()) == .timedOut)
        recorder.disconnect()
        // The handlers ran before `disconnect` returned.
        #expect(closed.wait(timeout: .now()) == .success)
        #expect(recorder.isFinished)
    }

    @Test func anAbortIsRecordedAndIsNoResponse() throws {
        let rig = ResponderRig(ClosureResponder { _, writer in writer.abort() })
        let recorder = rig.start(rig.makeRequest(.post, "/v1/badge/x"))
        guard case .aborted = try recorder.wait() else {
            Issue.record("the abort was not recorded")
            return
        }
        #expect(throws: HTTPResponseRecorder.Unanswered.self) { try rig.request(.post, "/v1/badge/x") }
    }

    @Test func aLateAnswerFromAnotherThreadIsWaitedFor() throws {
        let gate = DispatchSemaphore(value: 0)
        let rig = ResponderRig(ClosureResponder { _, writer in
            // Answered from another thread once the test has seen there is no answer yet.
            DispatchQueue.global().async {
                gate.wait()
                writer.send(HTTPResponse(status: .created, body: Array("stored".utf8)))
            }
        })
        let recorder = rig.start(rig.makeRequest(.post, "/api/v1/claims", json: "{}"))
        #expect(throws: HTTPResponseRecorder.Unanswered.self) { try recorder.wait(timeout: 0.01) }
        gate.signal()
        let response = try recorder.response()
        #expect(response.status == .created)
        #expect(response.body == Array("stored".utf8))
    }

    @Test func onlyTheFirstAnswerCounts() throws {
        let rig = ResponderRig(ClosureResponder { _, writer in
            writer.send(HTTPResponse(status: .ok))
            writer.send(HTTPResponse(status: .notFound))
            writer.abort()
            #expect(!writer.startStream(HTTPResponse(status: .ok)).isOpen)
        })
        let recorder = rig.start(rig.makeRequest(.get, "/"))
        #expect(try recorder.response().status == .ok)
        #expect(recorder.ignoredAnswers == 3)
    }
}
