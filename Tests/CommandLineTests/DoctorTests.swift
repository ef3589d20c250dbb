@testable import badgekiosk
import Testing

/// `badgekiosk doctor`'s checks, each from a small value of facts: every verdict and its advice.
@Suite("The doctor's checks")
struct DoctorTests {
    @Test func aLineIsTheVerdictTheNameTheFindingAndWhatToDo() {
        let check = DoctorCheck.fail("database", "it is damaged", advice: "Restore a backup")
        #expect(check.line == "FAIL  database      it is damaged. Restore a backup.")
        #expect(DoctorCheck.ok("outbox", "nothing is waiting.").line == "ok    outbox        nothing is waiting.")
        #expect(DoctorCheck.skipped("clock", because: "no issuer").line == "skip  clock         skipped: no issuer.")
    }

    @Test func theSummarySaysWhetherAnythingFailed() {
        let ok = DoctorCheck.ok("a", "fine"), warn = DoctorCheck.warn("b", "odd", advice: "look"),
            fail = DoctorCheck.fail("c", "broken", advice: "mend")
        #expect(DoctorCheck.summary([ok]) == "Nothing failed.")
        #expect(DoctorCheck.summary([ok, warn]) == "Nothing failed. 1 warning.")
        #expect(DoctorCheck.summary([fail, warn, warn]) == "1 check failed: fix it, then run 'badgekiosk doctor' again. 2 warnings.")
        #expect(DoctorCheck.summary([fail, fail]).hasPrefix("2 checks failed: fix them from the top"))
    }

    @Test func settings() {
        #expect(Doctor.settings(.init(file: "/etc/k.conf")).verdict == .ok)
        let bad = Doctor.settings(.init(file: "/etc/k.conf", problem: "/etc/k.conf:3: listen: expected HOST:PORT"))
        #expect(bad.verdict == .fail && bad.finding.contains(":3: listen") && bad.advice?.contains("Fix that line") == true)
        let root = Doctor.settings(.init(file: "/etc/k.conf", problem: "cannot be read", unreadable: true))
        #expect(root.verdict == .fail && root.advice == "Run it as root: sudo badgekiosk doctor.")
        #expect(Doctor.settings(.init(file: nil)).verdict == .warn)
        let plain = Doctor.settings(.init(file: "/etc/k.conf", plainPIN: true))
        #expect(plain.verdict == .warn && plain.advice?.contains("badgekiosk setup") == true)
    }

    @Test func stateFolder() {
        let path = "/var/lib/badgekiosk"
        #expect(Doctor.stateFolder(.init(path: path)).verdict == .ok)
        #expect(Doctor.stateFolder(.init(path: path, exists: false)).verdict == .fail)
        #expect(Doctor.stateFolder(.init(path: path, isFolder: false)).verdict == .fail)
        let unseen = Doctor.stateFolder(.init(path: path, canLookInside: false))
        #expect(unseen.verdict == .warn && unseen.advice?.contains("sudo badgekiosk doctor") == true)
        #expect(Doctor.stateFolder(.init(path: path, ownerCanWrite: false)).advice == "Let it: sudo chmod 700 \(path).")
        let strangers = Doctor.stateFolder(.init(path: path, strangers: ["badgekiosk.sqlite-wal"]))
        #expect(strangers.verdict == .fail)
        #expect(strangers.advice == "Give them back: sudo chown --reference=\(path) \(path)/badgekiosk.sqlite-wal.")
    }

    @Test func database() {
        #expect(Doctor.database(.passed(sessions: 1, claims: 3)).line.contains("passes its check (1 session, 3 claims)"))
        #expect(Doctor.database(.notMade).verdict == .warn)
        let refused = Doctor.database(.refused("the database is damaged (malformed)"))
        #expect(refused.verdict == .fail && refused.advice?.contains("badgekiosk restore FILE") == true)
        #expect(Doctor.database(.failed("disk I/O error")).verdict == .fail)
        #expect(Doctor.database(.notChecked("no folder")).verdict == .skipped)
    }

    @Test func diskSpace() {
        let megabyte: Int64 = 1_000_000
        #expect(Doctor.disk(.init(path: "/s", freeBytes: 12_300 * megabyte)).finding == "12.3 GB free for /s")
        #expect(Doctor.disk(.init(path: "/s", freeBytes: 500 * megabyte)).verdict == .ok)
        #expect(Doctor.disk(.init(path: "/s", freeBytes: 499 * megabyte)).verdict == .warn)
        let full = Doctor.disk(.init(path: "/s", freeBytes: 99 * megabyte))
        #expect(full.verdict == .fail && full.finding == "only 99 MB free for /s: claims stop when the disk is full")
    }

    @Test func outbox() {
        typealias Facts = Doctor.OutboxFacts
        #expect(Doctor.outbox(Facts(issuerConfigured: true, waiting: 0, oldestWaitSeconds: nil, unsure: 0)).finding == "nothing is waiting")
        #expect(Doctor.outbox(Facts(issuerConfigured: true, waiting: 2, oldestWaitSeconds: 3600, unsure: 0)).verdict == .ok)
        let stalled = Doctor.outbox(Facts(issuerConfigured: true, waiting: 2, oldestWaitSeconds: 3601, unsure: 0))
        #expect(stalled.verdict == .fail && stalled.finding == "2 awards waiting, the oldest for 1 h 0 min")
        #expect(stalled.advice == "See why: badgekiosk outbox.")
        let noIssuer = Doctor.outbox(Facts(issuerConfigured: false, waiting: 3, oldestWaitSeconds: 90_000, unsure: 0))
        #expect(noIssuer.verdict == .warn && noIssuer.finding.contains("no issuer is set"))
        let unsure = Doctor.outbox(Facts(issuerConfigured: true, waiting: 0, oldestWaitSeconds: nil, unsure: 1))
        #expect(unsure.verdict == .warn && unsure.advice == "Check them: badgekiosk outbox.")
    }

    @Test func issuer() {
        #expect(Doctor.issuer(.answered(name: "Badgr", url: "https://api.badgr.io")).verdict == .ok)
        #expect(Doctor.issuer(.notSet).verdict == .warn)
        #expect(Doctor.issuer(.badSettings("configuration: issuer_url: is needed when issuer is set")).verdict == .fail)
        let away = Doctor.issuer(.unreachable(name: "Badgr", url: "https://api.badgr.io", reason: "no route"))
        #expect(away.verdict == .fail && away.finding == "Badgr does not answer at https://api.badgr.io: no route")
    }

    @Test func signIn() {
        #expect(Doctor.signIn(.accepted(badges: 5)).verdict == .ok)
        let refused = Doctor.signIn(.refused("the issuer refused the client secret"))
        #expect(refused.verdict == .fail && refused.advice?.contains("issuer_client_secret_file") == true)
        #expect(Doctor.signIn(.cannotTry("no provider")).verdict == .warn)
        #expect(Doctor.signIn(.notTried("the issuer did not answer")).verdict == .skipped)
    }

    @Test(arguments: [(0, DoctorCheck.Verdict.ok), (2, .ok), (-60, .ok), (61, .warn), (-300, .warn), (301, .fail), (-3600, .fail)])
    func clock(kioskAhead: Int, verdict: DoctorCheck.Verdict) {
        let check = Doctor.clock(.compared(kioskSeconds: 1_800_000_000 + Int64(kioskAhead), issuerSeconds: 1_800_000_000))
        #expect(check.verdict == verdict)
        if verdict != .ok { #expect(check.advice?.contains("timedatectl set-ntp true") == true) }
    }

    @Test func clockSaysWhichWay() {
        #expect(Doctor.clock(.compared(kioskSeconds: 400, issuerSeconds: 0)).finding == "this kiosk's clock is 6 min ahead of the issuer's")
        #expect(Doctor.clock(.compared(kioskSeconds: 0, issuerSeconds: 75)).finding == "this kiosk's clock is 1 min behind the issuer's")
        #expect(Doctor.clock(.compared(kioskSeconds: 1, issuerSeconds: 0)).finding == "this kiosk's clock agrees with the issuer's")
        #expect(Doctor.clock(.notCompared("no issuer")).verdict == .skipped)
    }

    @Test func units() {
        let unit = "badgekiosk.service"
        #expect(Doctor.unit(unit, named: "service", .states(enabled: "enabled", active: "active")).verdict == .ok)
        let stopped = Doctor.unit(unit, named: "service", .states(enabled: "enabled", active: "failed"))
        #expect(stopped.verdict == .fail && stopped.advice?.contains("journalctl -u badgekiosk.service") == true)
        let disabled = Doctor.unit(unit, named: "service", .states(enabled: "disabled", active: "active"))
        #expect(disabled.verdict == .fail && disabled.advice?.contains("sudo systemctl enable --now badgekiosk.service") == true)
        #expect(Doctor.unit(unit, named: "service", .states(enabled: "", active: "inactive")).finding == "badgekiosk.service is not installed")
        #expect(Doctor.unit(unit, named: "service", .states(enabled: "enabled", active: "activating")).verdict == .warn)
        #expect(Doctor.unit(unit, named: "service", .unknown("systemctl is not on this machine")).verdict == .skipped)
    }

    @Test func consoleFont() {
        #expect(Doctor.consoleFont(hasHalfBlocks: true).verdict == .ok)
        #expect(Doctor.consoleFont(hasHalfBlocks: false).verdict == .warn)
        #expect(Doctor.consoleFont(hasHalfBlocks: nil).finding == "skipped: not on the kiosk's console")
    }

    @Test func claimLinkFollowingTheNetwork() {
        let facts = Doctor.ClaimLinkFacts(publicURL: nil, listenHost: "0.0.0.0", listenPort: 8080, followed: "192.168.1.20",
                                          machine: ["192.168.1.20"])
        #expect(Doctor.claimLink(facts).finding.hasPrefix("claim links start with http://192.168.1.20:8080"))
        var offline = facts
        (offline.followed, offline.machine) = (nil, [])
        #expect(Doctor.claimLink(offline).verdict == .fail)
        var loopback = facts
        loopback.listenHost = "127.0.0.1"
        #expect(Doctor.claimLink(loopback).verdict == .warn)
        var elsewhere = facts
        elsewhere.listenHost = "10.0.0.5"
        #expect(Doctor.claimLink(elsewhere).verdict == .fail)
    }

    @Test func claimLinkFromPublicURL() {
        var facts = Doctor.ClaimLinkFacts(publicURL: "http://192.168.1.20:8080", listenHost: "0.0.0.0", listenPort: 8080,
                                          followed: "192.168.1.20", machine: ["192.168.1.20"], resolved: ["192.168.1.20"])
        #expect(Doctor.claimLink(facts).verdict == .ok)
        (facts.publicURL, facts.resolved) = ("http://192.168.1.99:8080", ["192.168.1.99"])
        let stale = Doctor.claimLink(facts)
        #expect(stale.verdict == .fail && stale.advice?.hasPrefix("Set public_url to http://192.168.1.20:8080") == true)
        (facts.publicURL, facts.resolved) = ("https://badges.example.org", ["203.0.113.7"])
        #expect(Doctor.claimLink(facts).verdict == .warn)
        (facts.publicURL, facts.resolved) = ("https://nowhere.invalid", [])
        #expect(Doctor.claimLink(facts).verdict == .fail)
        (facts.publicURL, facts.resolved) = ("http://127.0.0.1:8080", ["127.0.0.1"])
        #expect(Doctor.claimLink(facts).verdict == .warn)
    }

    @Test func aLocalNameNeedsAvahi() {
        var facts = Doctor.ClaimLinkFacts(publicURL: "http://kiosk.local:8080", listenHost: "0.0.0.0", listenPort: 8080,
                                          followed: "192.168.1.20", machine: ["192.168.1.20"], resolved: [])
        let unknown = Doctor.claimLink(facts)
        #expect(unknown.verdict == .fail && unknown.advice?.hasPrefix("Avahi answers to .local names") == true)
        facts.resolved = ["192.168.1.20"]
        #expect(Doctor.claimLink(facts).verdict == .ok)
    }

    @Test func hostNamesAndAddresses() {
        #expect(Doctor.hostName(of: "http://Kiosk.Local:8080/c/x") == "kiosk.local")
        #expect(Doctor.hostName(of: "http://[::1]:8080") == "::1")
        #expect(Doctor.isIPv4("192.168.1.20") && !Doctor.isIPv4("192.168.1") && !Doctor.isIPv4("300.1.1.1"))
    }
}
