@preconcurrency import Glibc
import Issuers
import KioskCore
import KioskService
import Posix

/// `badgekiosk setup`: the first-run questions (venue, issuer, volunteer PIN, Wi-Fi, address), asked
/// again on every run with the current answers as defaults, or given as flags for a scripted install.
enum SetupCommand {
    static let declaration = CommandDeclaration(
        "setup", summary: "Set up this kiosk: venue, issuer, volunteer PIN, Wi-Fi (asks, or takes flags).",
        description: """
        Asks one question at a time and shows the current answer in brackets: press Enter to keep it,
        or type - to clear an answer that may be left empty. Secrets and the PIN are not shown as you
        type. The issuer's client id and secret are checked with the issuer when this laptop is online.
        The settings file is written again from the settings table (the old one is kept beside it as
        badgekiosk.conf.before-setup); the issuer secret goes in its own file (mode 600) beside it,
        and the PIN is stored only as a salted hash. Secrets are read from files (or - for standard
        input), never from the command line.
        """,
        options: [
            OptionDeclaration("config", valueName: "FILE", doc: "The settings file to write",
                              defaultValue: .value(ServiceConfiguration.defaultPath)),
            .flag("non-interactive", doc: "Ask nothing: answers not given as flags keep their current values"),
            .flag("dry-run", doc: "Print the settings file that would be written, secrets hidden, and change nothing"),
            OptionDeclaration("venue-name", valueName: "NAME", doc: "The venue's name, shown to learners"),
            OptionDeclaration("issuer", valueName: "ISSUER", doc: "obf, badgr, navigatr or none"),
            OptionDeclaration("issuer-url", valueName: "URL", doc: "The issuer's API address"),
            OptionDeclaration("issuer-client-id", valueName: "ID", doc: "The client id the issuer gave you"),
            OptionDeclaration("issuer-secret-file", valueName: "FILE", doc: "Read the issuer secret from FILE (- for standard input)"),
            OptionDeclaration("pin-file", valueName: "FILE", doc: "Read the volunteer PIN from FILE (- for standard input)"),
            OptionDeclaration("wifi-name", valueName: "NAME", doc: "The venue Wi-Fi's name (- for none)"),
            OptionDeclaration("wifi-password-file", valueName: "FILE",
                              doc: "Read the Wi-Fi password from FILE (- for standard input; empty for an open network)"),
            OptionDeclaration("public-url", valueName: "URL", doc: "The address phones use (- to follow the network)"),
        ],
        run: run)

    /// The flags that answer a question, in the order the questions come (the issuer before its address).
    private static let answerFlags: [(flag: String, field: SetupWizard.Field, fromFile: Bool)] = [
        ("venue-name", .venueName, false), ("issuer", .issuer, false), ("issuer-url", .issuerURL, false),
        ("issuer-client-id", .issuerClientID, false), ("issuer-secret-file", .issuerSecret, true),
        ("pin-file", .pin, true), ("wifi-name", .wifiName, false), ("wifi-password-file", .wifiPassword, true),
        ("public-url", .publicURL, false),
    ]

    private static func run(_ parsed: ParsedArguments) throws {
        let path = parsed.string("config") ?? ServiceConfiguration.defaultPath
        let existing = try readText(path, missingIsNil: true)
        let values: [String: String]
        do {
            values = try existing.map { try KioskSettings.values(ofFile: path, text: $0) } ?? [:]
        } catch let error as ConfigError {
            throw ConfigErrorReport(error: error)
        }
        let files = SetupFiles(configPath: path, secretPath: values["issuer_client_secret_file"])
        var wizard = SetupWizard(values: values, hasSecret: access(files.secretPath, F_OK) == 0,
                                 localName: SetupFiles.avahiLocalName())
        try applyFlags(parsed, to: &wizard)
        let interactive = !parsed.flag("non-interactive")
        let console = SetupConsole()
        if interactive {
            Console.out("Setting up badgekiosk. Press Enter to keep the answer in brackets.")
            try converse(&wizard, console, files: files)
        } else if case .refused(let reason) = check(wizard, files: files) {
            throw RuntimeError(refusal(wizard.issuer, reason) + " Nothing was changed.")
        }
        let result = try files.settings(from: wizard)
        if parsed.flag("dry-run") {
            Console.out(result.maskedText)
            return Console.out("# (dry run: nothing was written)")
        }
        let done = try files.write(result, secret: wizard.secret, before: existing)
        let restarted = files.isSystemConfig && SetupFiles.serviceIsActive()
            && (!interactive || console.confirm("Restart the kiosk now so it uses the new settings?", default: true))
            && SetupFiles.restartUnits()
        Console.out(summary(done: done, restarted: restarted, wizard: wizard))
    }

    private static func applyFlags(_ parsed: ParsedArguments, to wizard: inout SetupWizard) throws {
        let fromStandardInput = answerFlags.filter { $0.fromFile && parsed.string($0.flag) == "-" }
        if fromStandardInput.count > 1 { throw parsed.problem("only one of the files may be - (standard input)") }
        for (flag, field, fromFile) in answerFlags {
            guard let given = parsed.string(flag) else { continue }
            var text = fromFile ? try readSecret(given, flag: flag, parsed) : given
            if field == .wifiPassword && text.isEmpty { text = "-" }
            if let problem = field == .pin ? wizard.givePIN(text) : wizard.answer(field, text) {
                throw parsed.problem("--\(flag): \(problem)")
            }
        }
    }

    /// Asks each question in turn; after the issuer's credentials, checks them with the issuer.
    private static func converse(_ wizard: inout SetupWizard, _ console: SetupConsole, files: SetupFiles) throws {
        var checked = false
        while let question = wizard.question {
            guard let line = console.ask(question.text, current: question.current, secret: question.isSecret) else {
                throw RuntimeError("standard input ended before every question was answered; nothing was changed "
                                   + "(with --non-interactive, answers not given keep their current values)")
            }
            if let problem = wizard.answer(question.field, line) {
                Console.out("  " + problem)
                continue
            }
            guard !checked, wizard.issuer != nil, wizard.answered.contains(.issuerSecret) else { continue }
            checked = true
            if case .refused(let reason) = check(wizard, files: files) {
                Console.out(refusal(wizard.issuer, reason))
                if console.confirm("Type the client id and secret again?", default: true) {
                    wizard.askCredentialsAgain()
                    checked = false
                }
            }
        }
    }

    /// Checks the issuer's client id and secret live, saying the outcome in plain words.
    private static func check(_ wizard: SetupWizard, files: SetupFiles) -> CredentialCheck? {
        guard let kind = wizard.issuer else { return nil }
        guard let secret = wizard.secret ?? files.savedSecret() else { return nil }
        let settings = IssuerSettings(kind: kind, baseURL: wizard.values["issuer_url"] ?? SetupWizard.defaultURL(kind),
                                      clientID: wizard.values["issuer_client_id"] ?? "", clientSecret: secret,
                                      timeoutSeconds: 10, caFile: wizard.values["issuer_ca_file"])
        Console.out("Checking the client id and secret with \(kind.displayName)...")
        let outcome = CredentialCheck.run(settings)
        switch outcome {
        case .accepted(let badges): Console.out("\(kind.displayName) accepted them (it lists \(badges) badges).")
        case .notChecked(let reason):
            Console.out("They could not be checked now (\(reason)). They are saved; the kiosk tries them when it is online.")
        case .refused: break
        }
        return outcome
    }

    private static func refusal(_ kind: IssuerKind?, _ reason: String) -> String {
        let place = switch kind {
        case .obf?: "Open Badge Factory, under Admin tools > API"
        case .badgr?: "your Badgr account (the email and password, or the application's client id and secret)"
        case .navigatr?: "Navigatr, under User Settings > Personal Access Tokens"
        case nil: "the issuer's website"
        }
        return "The issuer refused the client id and secret: check them in \(place). (The issuer said: \(reason).)"
    }

    private static func summary(done: [String], restarted: Bool, wizard: SetupWizard) -> String {
        var lines = ["", "Done."] + done.map { "  " + $0 }
        lines.append(restarted ? "  The kiosk was restarted with the new settings."
                     : "  If the kiosk is running, restart it to use them: sudo systemctl restart badgekiosk badgekiosk-front")
        lines.append("Next: at the kiosk, press F2 and type the volunteer PIN to open the volunteer menu.")
        if wizard.issuer != nil { lines.append("Then choose \"Update the badge list\" to fetch your badges from the issuer.") }
        return lines.joined(separator: "\n")
    }

    /// A secret from a file, or from standard input for `-`: its first line.
    private static func readSecret(_ source: String, flag: String, _ parsed: ParsedArguments) throws -> String {
        let text: String?
        if source == "-" {
            text = readLine(strippingNewline: true) ?? ""
        } else {
            text = try readText(source, missingIsNil: true)
        }
        guard let text else { throw parsed.problem("--\(flag): \(source): no such file") }
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// The advice for a file the admin may not touch: run setup as root.
    static func asRoot(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "; run it as root: sudo badgekiosk setup" : ""
    }

    /// A small text file; nil when it does not exist and that is allowed.
    static func readText(_ path: String, missingIsNil: Bool) throws -> String? {
        switch FileDescriptor.readFile(path, limit: 1 << 20) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(let error) where error.code == ENOENT && missingIsNil: return nil
        case .failure(let error): throw RuntimeError("cannot read \(path) (\(error))" + asRoot(error.code))
        }
    }
}
