import Foundation
import KioskService
import TestSupport
import Testing

/// `badgekiosk bench soak --minutes 2` as CI runs it: claims, issuer faults, kills and a full disk,
/// judged on what became of the claims and awards, never on speed.
@Suite("Two-minute soak")
struct SoakTests {
    @Test(.timeLimit(.minutes(20)))
    func twoMinutesOfKillsIssuerFaultsAndAFullDiskLoseNoClaimAndSendEachAwardOnce() throws {
        let run = try BuiltBinary.run(["bench", "soak", "--minutes", "2", "--seed", "2024"])
        #expect(run.status == 0, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("result: PASS"), "\(run.out)")
        #expect(!run.out.contains("FAILED"), "\(run.out)")
        for check in ["every acknowledged claim is in the database", "every award was sent",
                      "the issuer holds each award exactly once", "memory flat", "open descriptors flat"] {
            #expect(run.out.contains("ok     \(check)"), "\(check)")
        }
        let kills = run.out.split(separator: "\n").first { $0.hasPrefix("kills: ") }?
            .dropFirst("kills: ".count).prefix { $0.isNumber }
        #expect(Int(kills ?? "") ?? 0 >= 2, "\(run.out)")
        if SmallDisk.permitted {
            #expect(run.out.contains("ok     the full disk was felt and the service recovered without a restart"), "\(run.out)")
        } else {
            #expect(run.out.contains("full disk: skipped"))
        }
    }
}
