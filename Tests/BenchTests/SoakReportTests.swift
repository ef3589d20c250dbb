@testable import badgekiosk
import Testing

@Suite("Soak report")
struct SoakReportTests {
    /// A run where everything held.
    private func good() -> SoakReport {
        var report = SoakReport(minutes: 2, seed: 5, connections: 8, perSecond: 10, faults: "drop:0.1")
        report.load.acknowledged = ["c1": "a@x.org", "c2": "b@x.org"]
        report.load.refused = 3
        report.kills = 4
        report.disk = .init(megabytes: 256, fullSeconds: 5.2, felt: true, refused: 3, recovered: true, recoverySeconds: 0.3)
        report.trend = ResourceTrend(samples: [.init(at: 10, sinceStart: 12, residentKilobytes: 20_480, descriptors: 30),
                                               .init(at: 70, sinceStart: 12, residentKilobytes: 21_504, descriptors: 31)],
                                     seconds: 120)
        report.drainSeconds = 2.5
        report.audit = SoakAudit(acknowledged: report.load.acknowledged, storedClaims: report.load.acknowledged,
                                 storedAwards: [.init(badge: "b", email: "a@x.org", state: "sent"),
                                                .init(badge: "b", email: "b@x.org", state: "sent")],
                                 issuer: [("b", "a@x.org"), ("b", "b@x.org")])
        return report
    }

    @Test func aRunWhereEverythingHeldPassesAndSaysWhatItMeasured() {
        let report = good()
        #expect(report.passed)
        #expect(report.checks.count == 9)
        #expect(report.text.contains("claims: 2 acknowledged"))
        #expect(report.text.contains("3 refused with 503"))
        #expect(report.text.contains("kills: 4"))
        #expect(report.text.contains("first half median 20.0 MB"))
        #expect(report.text.contains("second half median 21.0 MB"))
        #expect(report.text.contains("+5.0%"))
        #expect(report.text.hasSuffix("result: PASS"))
        #expect(!report.text.contains("FAILED"))
    }

    @Test func eachBrokenCheckFailsTheRun() {
        let breakers: [(String, (inout SoakReport) -> Void)] = [
            ("every acknowledged claim", { $0.audit.missingClaims = 1 }),
            ("the outbox emptied", { $0.drainSeconds = nil }),
            ("every award was sent", { $0.audit.unsent = 1 }),
            ("exactly once", { $0.audit.duplicates = 1 }),
            ("stopped only when killed", { $0.unexpectedExits = 1 }),
            ("only with 201, 200 or 503", { $0.load.other[500] = 2 }),
            ("memory flat", { $0.trend = ResourceTrend(samples: [], seconds: 120) }),
            ("full disk was felt", { $0.disk?.recovered = false }),
            ("full disk was felt", { $0.disk?.felt = false }),
        ]
        for (check, breakIt) in breakers {
            var report = good()
            breakIt(&report)
            #expect(!report.passed, "\(check)")
            #expect(report.text.contains("FAILED"), "\(check)")
            #expect(report.checks.contains { !$0.passed && $0.name.contains(check) }, "\(check)")
            #expect(report.text.hasSuffix("result: FAIL"))
        }
    }

    @Test func aRunWithoutADiskSaysWhyAndHasNoDiskCheck() {
        var report = good()
        report.disk = nil
        report.diskSkipped = "mounting a tmpfs needs root"
        #expect(report.passed)
        #expect(report.checks.count == 8)
        #expect(report.text.contains("full disk: skipped (mounting a tmpfs needs root)"))
    }
}
