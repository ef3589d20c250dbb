import Foundation
import Testing
import TestSupport

/// The `.deb` as a kiosk laptop gets it, through `kiosk/test-package`: built (the shipped static release
/// build), installed into a throwaway `debootstrap --variant=minbase` Debian 12 with no Swift, where
/// `--version`, `doctor` and a short `serve` run; upgraded, removed and purged, each checked for what it
/// keeps and erases; and `kiosk/install`, its dry runs and its undoing.
///
/// It needs root and debootstrap, as CI has them (`.ci/run` installs debootstrap); elsewhere it does not
/// run, and `sudo kiosk/test-package` is the same check by hand.
@Suite("The .deb on a minimal Debian 12")
struct PackageTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var canRun: Bool {
        getuid() == 0 && ["/usr/sbin/debootstrap", "/usr/bin/dpkg-deb", "/usr/bin/dpkg-shlibdeps"]
            .allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("installs with no Swift, runs, upgrades, removes and purges as promised",
          .enabled(if: canRun, "needs root, debootstrap and dpkg-dev"), .timeLimit(.minutes(15)))
    func thePackageOnAMinimalDebian() throws {
        let script = Self.repository.appendingPathComponent("kiosk/test-package").path
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BADGEKIOSK_") }
        environment["LC_ALL"] = "C.UTF-8"
        let outcome = try BuiltBinary.runTool("/bin/bash", [script], environment: environment)
        // The whole report: the package's size, the units' exposure and the time taken are read from it.
        print(outcome.out)
        if outcome.status != 0 { print(outcome.err) }
        let failed = outcome.out.split(separator: "\n").filter { $0.hasPrefix("  FAIL  ") }
        #expect(failed.isEmpty, "\(failed.joined(separator: "\n"))")
        #expect(outcome.status == 0, "kiosk/test-package exited \(outcome.status): \(outcome.err.suffix(2_000))")
        #expect(outcome.out.contains("test-package: all checks passed"))
        for promise in ["no Swift in the root", "badgekiosk --version", "doctor: the database passes its check",
                        "serve answers /healthz", "purge erases /var/lib/badgekiosk", "the admin's disable is kept"] {
            #expect(outcome.out.contains("  ok    \(promise)"), "not checked: \(promise)")
        }
    }
}
