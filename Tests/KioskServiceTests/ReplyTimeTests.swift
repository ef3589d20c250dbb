import KioskAPI
import KioskCore
import Testing

@Suite("API: times in replies")
struct ReplyTimeTests {
    /// Replies carry `Date`s written by the API's encoder: they must read as the service's own times
    /// always have, to the second, whatever the milliseconds.
    @Test(arguments: [Int64(1_764_410_886_000), 1_764_410_886_789, 1_764_410_886_999])
    func timesAreWrittenAsTheServiceWritesThem(milliseconds: Int64) throws {
        let stamp = Timestamp(milliseconds: milliseconds)
        #expect(String(decoding: try KioskAPI.encode([stamp.date]), as: UTF8.self) == "[\"\(stamp.iso8601)\"]")
    }
}
