import KioskAPI
import Testing

@Suite("API bodies: reports")
struct ReportBodyTests {
    @Test("a figure not known is written null, never left out, and reads back as nil")
    func notKnownIsNull() throws {
        let known = ReportReply.Row(key: "7", label: "Day 1", expected: 50, claimed: 49, claimRate: 0.98, sent: 48, failed: 1, waiting: 0,
                                    lapsed: 0, onTheWay: 0, accepted: 20, acceptanceRate: 0.4)
        let unknown = ReportReply.Row(key: "total", label: "Total", expected: 0, claimed: 0, claimRate: nil, sent: 0, failed: 0, waiting: 0,
                                      lapsed: 0, onTheWay: 0, accepted: nil, acceptanceRate: nil)
        let row = #"{"acceptanceRate":0.4,"accepted":20,"claimRate":0.98,"claimed":49,"expected":50,"failed":1,"key":"7","label":"Day 1","lapsed":0,"onTheWay":0,"sent":48,"waiting":0}"#
        let total = #"{"acceptanceRate":null,"accepted":null,"claimRate":null,"claimed":0,"expected":0,"failed":0,"key":"total","label":"Total","lapsed":0,"onTheWay":0,"sent":0,"waiting":0}"#
        let literal = #"{"by":"session","from":"2026-12-01","rows":[\#(row)],"to":null,"total":\#(total)}"#
        let reply = ReportReply(by: "session", from: "2026-12-01", to: nil, rows: [known], total: unknown)
        try expectWire(literal, reply)
        let written = String(decoding: try KioskAPI.encode(reply), as: UTF8.self)
        #expect(written.contains(#""accepted":null"#) && written.contains(#""acceptanceRate":null"#) && written.contains(#""to":null"#))
        let read = try KioskAPI.decode(ReportReply.self, from: Array(literal.utf8))
        #expect(read.total.accepted == nil && read.total.claimRate == nil && read.rows.first?.accepted == 20)
        #expect(ReportReply.Row.fieldNames.count == 12 && ReportReply.Row.fieldNames.first == "key")
    }
}
