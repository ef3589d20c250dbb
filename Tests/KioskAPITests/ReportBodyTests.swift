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
        try expectWire(#"{"by":"session","from":"2026-12-01","rows":[\#(row)],"to":null,"total":\#(total)}"#,
                       ReportReply(by: "session", from: "2026-12-01", to: nil, rows: [known], total: unknown))
    }
}
