import Foundation
import KioskService

/// `badgekiosk doctor`: every check an admin would make by hand, one line each, with what to do.
///
/// The verdicts are `Doctor`'s pure checks; this gathers the facts they judge, from the settings,
/// the state folder, the issuer and the machine.
enum DoctorCommand {
    static let declaration = CommandDeclaration(
        "doctor", summary: "Check the whole kiosk, one line a check, and say what to fix.",
        description: """
        Prints one line a check: ok, warn (works, but worth a look), FAIL (fix it) or skip (cannot be
        checked here), and what to do in plain words. Exits 0 when nothing failed, else 1.

        It checks that the settings load; that the state folder is there and the service's user can write
        in it; that the database passes its check; that the disk has room; that awards are not stuck in the
        outbox; that the issuer answers, accepts the kiosk's credentials and keeps the same time as this
        machine; that claim links lead to this machine; that the units are enabled and running; and, on the
        kiosk's own console, that the font can draw QR codes.

        Run it as root (sudo badgekiosk doctor): the settings file and the state folder are root's and the
        service's alone. It sends no award: it asks the issuer only for its list of badges.
        """,
        options: LocalStore.options,
        run: run)

    /// Seconds the issuer has to answer each request: the doctor should not keep an admin waiting.
    static let issuerTimeout = 5.0

    private static func run(_ parsed: ParsedArguments) throws {
        let checks = checks(parsed)
        for check in checks { Console.out(check.line) }
        let summary = DoctorCheck.summary(checks)
        guard checks.contains(where: { $0.verdict == .fail }) else { return Console.out(summary) }
        throw RuntimeError(summary)
    }

    /// Every check, in the order an admin would fix them.
    static func checks(_ parsed: ParsedArguments) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let settingsFacts = settingsFile(parsed)
        let settings: KioskSettings?
        do {
            settings = try SettingsOptions.load(parsed)
            var facts = settingsFacts
            facts.plainPIN = settings?.front.pin != nil
            checks.append(Doctor.settings(facts))
        } catch {
            settings = nil
            var facts = settingsFacts
            facts.problem = error.description
            checks.append(Doctor.settings(facts))
        }
        if let configuration = settings?.service {
            checks += storageChecks(configuration)
            checks += issuerChecks(configuration)
            checks.append(Doctor.claimLink(claimLinkFacts(configuration)))
        } else {
            let reason = "the settings did not load"
            checks += ["state folder", "database", "disk space", "outbox", "issuer", "sign-in", "clock", "claim link"]
                .map { DoctorCheck.skipped($0, because: reason) }
        }
        checks.append(Doctor.unit("badgekiosk.service", named: "service", unitFacts("badgekiosk.service")))
        checks.append(Doctor.unit("badgekiosk-front.service", named: "front", unitFacts("badgekiosk-front.service")))
        checks.append(Doctor.consoleFont(hasHalfBlocks: consoleHasHalfBlocks()))
        return checks
    }

    /// The file the settings come from, as `KioskSettings.load` picks it, and whether this user may read it.
    private static func settingsFile(_ parsed: ParsedArguments) -> Doctor.SettingsFacts {
        let defaultPath = ServiceConfiguration.defaultPath
        let file = parsed.string(SettingsOptions.config.name) ?? ProcessInfo.processInfo.environment["BADGEKIOSK_CONFIG"]
            ?? (FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil)
        guard let file, FileManager.default.fileExists(atPath: file) else { return Doctor.SettingsFacts(file: file) }
        return Doctor.SettingsFacts(file: file, unreadable: !FileManager.default.isReadableFile(atPath: file))
    }
}
