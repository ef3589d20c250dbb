import HTTPKit
import Testing

@Suite("Request parser: framing and smuggling")
struct HTTPRequestParserFramingTests {
    private let head = "POST /x HTTP/1.1\r\nHost: k\r\n"

    @Test func contentLengthWithTransferEncodingIsRejected() {
        #expect(failure(head + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == 400)
        #expect(failure(head + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n") == 400)
    }

    @Test func differingContentLengthsAreRejected() {
        #expect(failure(head + "Content-Length: 4\r\nContent-Length: 5\r\n\r\nabcde") == 400)
        #expect(failure(head + "Content-Length: 4, 5\r\n\r\nabcde") == 400)
        #expect(requests(head + "Content-Length: 4\r\nContent-Length: 4\r\n\r\nabcd").first?.body.count == 4)
    }

    @Test func nonNumericContentLengthsAreRejected() {
        for value in ["abc", "+4", "-1", "4 4", "0x10", "", "4.0", "1e3"] {
            #expect(failure(head + "Content-Length: \(value)\r\n\r\nabcd") == 400, "Content-Length: \(value)")
        }
    }

    @Test func transferEncodingMustBeExactlyChunked() {
        #expect(failure(head + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n") == 400)
        #expect(failure(head + "Transfer-Encoding: identity\r\n\r\n") == 400)
        #expect(failure(head + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n") == 400)
        #expect(failure(head + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n") == 501)
        #expect(failure(head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == 501)
        #expect(requests(head + "Transfer-Encoding: CHUNKED\r\n\r\n0\r\n\r\n").count == 1)
    }

    @Test func chunkSizesMustBeHexAndFit() {
        let chunked = head + "Transfer-Encoding: chunked\r\n\r\n"
        #expect(failure(chunked + "zz\r\nabc\r\n0\r\n\r\n") == 400)
        #expect(failure(chunked + "-1\r\nabc\r\n0\r\n\r\n") == 400)
        #expect(failure(chunked + "\r\nabc\r\n0\r\n\r\n") == 400)
        #expect(failure(chunked + "0x3\r\nabc\r\n0\r\n\r\n") == 400)
        #expect(failure(chunked + "1ffffffffffffffff\r\nabc\r\n0\r\n\r\n") == 400)
        #expect(failure(chunked + "ffffffffffffffff\r\nabc\r\n0\r\n\r\n") == 413)
        #expect(failure(chunked + "3\r\nabcX\r\n0\r\n\r\n") == 400)
    }

    @Test func chunkedBodiesCountTowardsTheLimit() {
        let chunked = head + "Transfer-Encoding: chunked\r\n\r\n"
        let half = String(repeating: "a", count: 32768)
        let atLimit = chunked + "8000\r\n\(half)\r\n8000\r\n\(half)\r\n0\r\n\r\n"
        #expect(requests(atLimit).first?.body.count == 65536)
        let past = chunked + "8000\r\n\(half)\r\n8000\r\n\(half)\r\n1\r\na\r\n0\r\n\r\n"
        #expect(failure(past) == 413)
    }

    @Test func trailersAreBounded() {
        let chunked = head + "Transfer-Encoding: chunked\r\n\r\n0\r\n"
        let trailer = "T: " + String(repeating: "v", count: 32768) + "\r\n\r\n"
        #expect(failure(chunked + trailer) == 431)
    }

    @Test func aSmuggledSecondRequestIsNeverReturned() {
        let smuggle = head + "Content-Length: 44\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\nHost: k\r\n\r\n"
        let result = parseAll(smuggle)
        #expect(result.failureStatus == 400)
    }
}
