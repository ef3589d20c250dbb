import CLinux
import KioskService

/// This build's version and the commit it was built from, for `badgekiosk --version`.
enum Version {
    /// The version, written here and nowhere else in the program.
    static let number = "0.1.0"

    /// `badgekiosk 0.1.0 (commit 1a2b3c4)`; a build made without a commit (`swift build`) says so.
    static var line: String { line(commit: commit) }

    /// The commit kiosk/build-deb.sh built from; empty or "unknown" for a development build.
    static var commit: String { String(cString: CLinux_build_commit()) }

    /// The version and commit as the service reports them in `/metrics`.
    static var build: BuildInfo {
        BuildInfo(version: number, commit: commit.isEmpty ? "unknown" : commit)
    }

    static func line(commit: String) -> String {
        let known = !commit.isEmpty && commit != "unknown"
        return "badgekiosk \(number) (commit \(known ? commit : "unknown: a development build"))"
    }
}
