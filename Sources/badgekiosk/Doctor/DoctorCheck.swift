/// One line of `badgekiosk doctor`: what was checked, how it went, and what to do when it is not ok.
struct DoctorCheck: Sendable, Equatable {
    /// How a check went, as the line's first word.
    enum Verdict: String, Sendable {
        case ok
        /// Works, but worth a look.
        case warn
        /// Stops claims, badges or the kiosk: fix it.
        case fail = "FAIL"
        /// Could not be checked here; says why.
        case skipped = "skip"
    }

    /// A few words naming what was checked: `database`, `sign-in`.
    var name: String
    var verdict: Verdict
    /// What was found, one short sentence.
    var finding: String
    /// What to do, in plain words; nil when ok.
    var advice: String?

    static func ok(_ name: String, _ finding: String) -> DoctorCheck {
        DoctorCheck(name: name, verdict: .ok, finding: finding, advice: nil)
    }

    static func warn(_ name: String, _ finding: String, advice: String) -> DoctorCheck {
        DoctorCheck(name: name, verdict: .warn, finding: finding, advice: advice)
    }

    static func fail(_ name: String, _ finding: String, advice: String) -> DoctorCheck {
        DoctorCheck(name: name, verdict: .fail, finding: finding, advice: advice)
    }

    static func skipped(_ name: String, because reason: String) -> DoctorCheck {
        DoctorCheck(name: name, verdict: .skipped, finding: "skipped: \(reason)", advice: nil)
    }

    /// Width of the name column, so the findings line up.
    static let nameWidth = 14

    /// `ok    database      passes its check: 3 sessions, 12 claims.`, then the advice on the same line.
    var line: String {
        let verdictColumn = verdict.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
        let nameColumn = name.padding(toLength: max(Self.nameWidth, name.count + 1), withPad: " ", startingAt: 0)
        return verdictColumn + nameColumn + Self.sentence(finding) + (advice.map { " " + Self.sentence($0) } ?? "")
    }

    /// `text` ending with one full stop (error messages may bring their own).
    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    /// The last line: whether anything failed, and what to do then.
    static func summary(_ checks: [DoctorCheck]) -> String {
        let failed = checks.filter { $0.verdict == .fail }.count
        let warned = checks.filter { $0.verdict == .warn }.count
        let warnings = warned == 0 ? "" : warned == 1 ? " 1 warning." : " \(warned) warnings."
        guard failed > 0 else { return "Nothing failed." + warnings }
        return (failed == 1 ? "1 check failed: fix it" : "\(failed) checks failed: fix them from the top")
            + ", then run 'badgekiosk doctor' again." + warnings
    }
}
